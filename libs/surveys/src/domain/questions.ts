/**
 * The staff survey's questions (issue #19, seed-requirements 1.4: "separate ratings from HR, the
 * council and actual users"). One question per SER quality-of-work dimension of the impact
 * assessment (A-L, 004 l.212, l.1907-2025), phrased for the people who work with the system, on
 * the assessment's own effect scale so the answers sit beside the HR and council ratings; plus the
 * council's own questions, on the effect or an agreement scale. Pure: no Nest, no TypeORM.
 */

export type Language = 'nl' | 'en';
export type LocalText = Readonly<Record<Language, string>>;

/** The dimension keys of the impact assessment's questionnaire (@wc/dossier `DIMENSION_KEYS`). */
export type DimensionKey = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L';

/** −2 … +2, or `unknown` ("I don't know"): the assessment's effect scale (1.4), or agree/disagree. */
export type SurveyValue = -2 | -1 | 0 | 1 | 2 | 'unknown';
export const SURVEY_VALUES: readonly SurveyValue[] = [-2, -1, 0, 1, 2, 'unknown'];

/** `effect`: much worse … much better. `agreement`: strongly disagree … strongly agree. */
export type Scale = 'effect' | 'agreement';
export const SCALES: readonly Scale[] = ['effect', 'agreement'];

export interface DimensionQuestion {
  readonly id: DimensionKey;
  readonly dimension: DimensionKey;
  readonly scale: 'effect';
  readonly text: LocalText;
}

/** A question the council wrote itself, in its own words (one language: the council's). */
export interface CouncilQuestion {
  readonly id: string;
  readonly text: string;
  readonly scale: Scale;
}

const q = (id: DimensionKey, nl: string, en: string): DimensionQuestion => ({
  id,
  dimension: id,
  scale: 'effect',
  text: { nl, en },
});

export const DIMENSION_QUESTIONS: readonly DimensionQuestion[] = [
  q(
    'A',
    'Wat doet het systeem met de inhoud van uw werk: hoe afwisselend en zinvol het is?',
    'What does the system do to the content of your work: how varied and meaningful it is?',
  ),
  q(
    'B',
    'Wat doet het systeem met uw vakmanschap: de vaardigheden die u gebruikt en leert?',
    'What does the system do to your skills: the ones you use and the ones you learn?',
  ),
  q(
    'C',
    'Wat doet het systeem met uw zeggenschap over hoe, in welke volgorde en in welk tempo u werkt?',
    'What does the system do to your say over how, in which order and at which pace you work?',
  ),
  q(
    'D',
    'Hoe ervaart u de mate waarin het systeem u en uw werk volgt en meet?',
    'How do you experience the extent to which the system follows and measures you and your work?',
  ),
  q(
    'E',
    'Wat doet het systeem met uw werktempo en werktijden?',
    'What does the system do to your work pace and working hours?',
  ),
  q(
    'F',
    'Wat doet het systeem met de werkdruk en spanning die u ervaart?',
    'What does the system do to the work pressure and strain you experience?',
  ),
  q(
    'G',
    'Wat doet het systeem met uw lichamelijke belasting en veiligheid?',
    'What does the system do to your physical load and safety?',
  ),
  q(
    'H',
    'Wat doet het systeem met het contact met collega’s en uw leidinggevende?',
    'What does the system do to your contact with colleagues and your manager?',
  ),
  q(
    'I',
    'Wat doet het systeem met hoe eerlijk en uitlegbaar beslissingen over u zijn?',
    'What does the system do to how fair and explainable decisions about you are?',
  ),
  q(
    'J',
    'Wat doet het systeem met de zekerheid van uw baan en uw arbeidsvoorwaarden?',
    'What does the system do to the security of your job and your terms of employment?',
  ),
  q(
    'K',
    'Wat doet het systeem met de bescherming van uw gegevens en privacy?',
    'What does the system do to the protection of your data and privacy?',
  ),
  q(
    'L',
    'Wat doet het systeem met de dienstverlening aan klanten of burgers, en daarmee met uw werk?',
    'What does the system do to the service to customers or citizens, and so to your work?',
  ),
];

/** Results appear from this many responses up, and then in blocks of this many (see `publishes`). */
export const MINIMUM_RESPONSES = 5;

/**
 * Whether the response that brings the count to `count` publishes new results. Results are
 * published in blocks of five: at 5, 10, 15 … responses. Publishing at every response from five up
 * would let whoever watches the results before and after one colleague answers subtract the two and
 * read that one person's answers; a block of five keeps every difference at five people or more.
 * The price: the last one to four responses of a survey are not in its results.
 */
export function publishes(count: number): boolean {
  return count >= MINIMUM_RESPONSES && count % MINIMUM_RESPONSES === 0;
}

export type Answers = Readonly<Record<string, SurveyValue>>;

export type AnswerProblem =
  { kind: 'unknown_question'; questionId: string } | { kind: 'missing'; questionIds: string[] };

/**
 * Every question answered exactly once, and only the survey's questions: each question of a
 * response then counts the same people, so no question's count falls below the survey's.
 */
export function checkAnswers(
  councilQuestions: readonly CouncilQuestion[],
  answers: ReadonlyArray<{ questionId: string; value: SurveyValue }>,
): { ok: true; answers: Answers } | { ok: false; problem: AnswerProblem } {
  const ids = questionIdsOf(councilQuestions);
  const known = new Set(ids);
  const result: Record<string, SurveyValue> = {};
  for (const answer of answers) {
    if (!known.has(answer.questionId) || answer.questionId in result) {
      return { ok: false, problem: { kind: 'unknown_question', questionId: answer.questionId } };
    }
    result[answer.questionId] = answer.value;
  }
  const missing = ids.filter((id) => !(id in result));
  return missing.length > 0
    ? { ok: false, problem: { kind: 'missing', questionIds: missing } }
    : { ok: true, answers: result };
}

export function questionIdsOf(councilQuestions: readonly CouncilQuestion[]): string[] {
  return [...DIMENSION_QUESTIONS.map((d) => d.id), ...councilQuestions.map((c) => c.id)];
}

/** Per question: how many gave each answer, and the mean of the −2…+2 answers (null if none). */
export interface QuestionResult {
  readonly questionId: string;
  readonly counts: Readonly<Record<string, number>>;
  readonly mean: number | null;
}

export interface SurveyResults {
  readonly responseCount: number;
  readonly questions: readonly QuestionResult[];
}

/** Tallies `(questionId, value, count)` rows (one SQL GROUP BY) into per-question results. */
export function tally(
  councilQuestions: readonly CouncilQuestion[],
  responseCount: number,
  rows: ReadonlyArray<{ questionId: string; value: string; count: number }>,
): SurveyResults {
  return {
    responseCount,
    questions: questionIdsOf(councilQuestions).map((questionId) => {
      const counts: Record<string, number> = Object.fromEntries(
        SURVEY_VALUES.map((v) => [String(v), 0]),
      );
      let sum = 0;
      let numeric = 0;
      for (const row of rows) {
        if (row.questionId !== questionId || !(row.value in counts)) {
          continue;
        }
        counts[row.value] += row.count;
        if (row.value !== 'unknown') {
          sum += Number(row.value) * row.count;
          numeric += row.count;
        }
      }
      return {
        questionId,
        counts,
        mean: numeric > 0 ? Math.round((sum / numeric) * 100) / 100 : null,
      };
    }),
  };
}
