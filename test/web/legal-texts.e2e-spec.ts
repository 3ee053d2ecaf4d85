import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { gateConditionText, reasonText, type TextsI18n } from '@wc/texts';

import { en } from '../../apps/web/src/messages/en';
import { nl } from '../../apps/web/src/messages/nl';
import {
  evaluateGoLiveGate,
  GO_LIVE_CONDITION_KEYS,
  STAGES_BY_KIND,
  TRACK_DEADLINE_RULES,
  TRACK_KINDS,
  TRANSITIONS,
  TRIAGE_REASON_CODES,
  triage,
  type Reason,
  type TriageAnswers,
  type TriageOutcome,
} from '../../libs/cases/src/domain';
import { NO_ANSWERS } from '../../libs/cases/src/domain/domain-fixtures';
import { DEADLINE_RULE_IDS } from '../../libs/deadlines/src/domain';

/**
 * The web app shows every triage reason and go-live condition in the reader's language, keyed by
 * the domain's codes (@wc/texts legal-texts.ts). A code the domain gains without a Dutch and an
 * English message fails here, and so does a message that loses the article it explains.
 */
type Catalogue = Record<string, string>;
const catalogues: Array<[string, Catalogue]> = [
  ['nl', nl],
  ['en', en],
];

function i18nOf(messages: Catalogue): TextsI18n {
  return {
    t: (key, vars, fallback) =>
      (messages[key] ?? fallback).replace(
        /\{(\w+)\}/g,
        (whole, name: string) => vars[name] ?? whole,
      ),
    label: (group, value) => messages[`${group}.${value}`] ?? value,
  };
}

/** Every screening question answered no: each test switches on what it needs. */
const BASE: TriageAnswers = NO_ANSWERS;
const FLAGS = (Object.keys(BASE) as Array<keyof TriageAnswers>).filter(
  (k) => typeof BASE[k] === 'boolean',
);

/** Seeded (mulberry32): the same answer sets on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function sampleOutcomes(count: number): TriageOutcome[] {
  const next = random(20260302);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)];
  const outcomes: TriageOutcome[] = [];
  for (let i = 0; i < count; i++) {
    const answers: Record<string, unknown> = { ...BASE };
    for (const flag of FLAGS) {
      answers[flag] = next() < 0.5;
    }
    Object.assign(answers, {
      councilType: pick(['or', 'pvt', 'none'] as const),
      headcount: pick([5, 30, 250]),
      annexIIIPoint4: pick([
        'none',
        'recruitment_selection',
        'work_related_decisions',
        'task_allocation',
        'monitoring_evaluation',
      ] as const),
      deployerType: pick(['private', 'public_body', 'private_public_service'] as const),
      caoSettledConsentLetters: (['b', 'd', 'e', 'f', 'g', 'k', 'l'] as const).filter(
        () => next() < 0.3,
      ),
      majorEffectOnQuarterOfStaff: next() < 0.5,
      ...(next() < 0.5 ? { caoReference: 'Cao Metalektro art. 4.2' } : {}),
      annexIIIPoint1: pick([
        'none',
        'remote_biometric_identification',
        'biometric_categorisation',
        'emotion_recognition',
      ] as const),
      annexIIIPoint3: pick([
        'none',
        'access_admission',
        'evaluating_learning_outcomes',
        'assessing_education_level',
        'monitoring_test_behaviour',
      ] as const),
      ...(next() < 0.5 ? { providerAssessmentDocument: 'Vendor art. 6(4) assessment' } : {}),
      caoSettlements:
        next() < 0.3
          ? [{ letter: pick(['c', 'k', 'l'] as const), scope: 'part', topic: 'pay scales' }]
          : [],
    });
    outcomes.push(triage(answers as unknown as TriageAnswers));
  }
  return outcomes;
}

/** The article numbers an English text cites before its first ': ', e.g. `25(1)(k)`, `7:611a`. */
function citedArticles(text: string): string[] {
  const head = text.slice(0, text.indexOf(': '));
  return head.match(/\d+(?::\d+[a-z]*|[a-z]?)(?:\(\w+\))*/g) ?? [];
}

describe('triage reasons and go-live conditions in the web app', () => {
  const outcomes = sampleOutcomes(3000);
  const emitted = new Map<string, Array<{ reason: Reason; outcome: TriageOutcome }>>();
  for (const outcome of outcomes) {
    for (const reason of outcome.reasons) {
      const seen = emitted.get(reason.code) ?? [];
      if (!seen.some((s) => s.reason.text === reason.text)) {
        seen.push({ reason, outcome });
      }
      emitted.set(reason.code, seen);
    }
  }

  it('the domain lists every reason code triage() gives, and triage() gives every listed code', () => {
    const source = readFileSync(
      join(__dirname, '..', '..', 'libs', 'cases', 'src', 'domain', 'triage.ts'),
      'utf8',
    );
    const literalCodes = [...source.matchAll(/code:([^,}]*)/g)].flatMap((m) =>
      [...m[1].matchAll(/'([a-z_0-9]+\.[a-z_0-9]+)'/g)].map((c) => c[1]),
    );
    expect(literalCodes.length).toBeGreaterThan(15);
    expect(literalCodes.filter((c) => !TRIAGE_REASON_CODES.includes(c))).toEqual([]);
    expect([...emitted.keys()].filter((c) => !TRIAGE_REASON_CODES.includes(c))).toEqual([]);
    expect(TRIAGE_REASON_CODES.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it.each(catalogues)(
    '%s has a message for every reason code and go-live condition',
    (_lang, messages) => {
      expect(TRIAGE_REASON_CODES.filter((code) => !messages[`reason.${code}`])).toEqual([]);
      expect(
        GO_LIVE_CONDITION_KEYS.filter(
          (key) => !messages[`gate.${key}`] || !messages[`gateReason.${key}`],
        ),
      ).toEqual([]);
    },
  );

  it.each(catalogues)(
    '%s renders every reason with its article and its variable parts filled in',
    (_lang, messages) => {
      const i18n = i18nOf(messages);
      const problems: string[] = [];
      for (const [code, cases] of emitted) {
        for (const { reason, outcome } of cases) {
          const text = reasonText(reason, outcome, i18n);
          const missing = citedArticles(reason.text).filter((article) => !text.includes(article));
          if (/[{}]/.test(text) || missing.length > 0 || text === reason.text) {
            problems.push(`${code}: ${text} (missing ${missing.join(', ')})`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('fills in the letters, the cao and the Annex III category the outcome names', () => {
    const i18n = i18nOf(nl);
    const settled = triage({
      ...BASE,
      processesStaffPersonalData: true,
      canMonitorStaff: true,
      caoSettledConsentLetters: ['k'],
      caoReference: 'Cao Metalektro art. 4.2',
    });
    expect(
      reasonText(
        settled.reasons.find((r) => r.code === 'consent.settled_by_cao')!,
        settled,
        i18n,
      ),
    ).toBe(
      'WOR art. 27(3): de cao (Cao Metalektro art. 4.2) regelt (k) al inhoudelijk; daarvoor geldt geen instemmingsrecht.',
    );
    const noCouncil = triage({
      ...BASE,
      councilType: 'none',
      headcount: 30,
      changesActivities: true,
      introducesOrChangesTechnology: true,
      canMonitorStaff: true,
    });
    expect(
      reasonText(
        noCouncil.reasons.find((r) => r.code === 'small_undertaking.no_council')!,
        noCouncil,
        i18n,
      ),
    ).toContain('adviesonderwerpen zouden (d), (k) zijn');
    expect(
      reasonText(
        noCouncil.reasons.find((r) => r.code === 'small_undertaking.no_council_consent')!,
        noCouncil,
        i18n,
      ),
    ).toContain('instemmingsonderwerpen zouden (l) zijn');
    const pvt = triage({
      ...BASE,
      councilType: 'pvt',
      headcount: 30,
      canMonitorStaff: true,
      affectsWorkingTimes: true,
    });
    expect(
      reasonText(
        pvt.reasons.find((r) => r.code === 'small_undertaking.pvt_consent_scope')!,
        pvt,
        i18n,
      ),
    ).toContain('geen instemmingsrecht op (l).');
    const highRisk = triage({ ...BASE, annexIIIPoint4: 'recruitment_selection' });
    expect(
      reasonText(
        highRisk.reasons.find((r) => r.code === 'ai_act.high_risk')!,
        highRisk,
        i18n,
      ),
    ).toContain('bijlage III punt 4 (Werving en selectie)');
  });

  it('shows the API’s English text for a code it does not know', () => {
    const unknown: Reason = {
      code: 'advice.z',
      text: 'WOR 25(1)(z): a future ground.',
      sources: ['W1'],
    };
    expect(reasonText(unknown, {}, i18nOf(nl))).toBe('WOR 25(1)(z): a future ground.');
    expect(
      gateConditionText(
        { key: 'future_condition', reason: 'Something new.' },
        undefined,
        i18nOf(nl),
      ),
    ).toBe('Something new.');
  });

  it.each(catalogues)(
    '%s explains every go-live condition with the article the domain cites',
    (_lang, messages) => {
      const i18n = i18nOf(messages);
      const all = triage({
        ...BASE,
        deployerType: 'public_body',
        introducesOrChangesTechnology: true,
        canMonitorStaff: true,
        annexIIIPoint4: 'monitoring_evaluation',
        largeScaleMonitoring: true,
      });
      const blocked = triage({ ...BASE, infersEmotions: true });
      const conditions = [
        ...evaluateGoLiveGate({ triage: all, tracks: [] }).conditions,
        ...evaluateGoLiveGate({ triage: blocked, tracks: [] }).conditions,
      ];
      expect(new Set(conditions.map((c) => c.key))).toEqual(new Set(GO_LIVE_CONDITION_KEYS));
      for (const condition of conditions) {
        const text = gateConditionText(condition, blocked.blockReason, i18n);
        expect(text).not.toBe(condition.reason);
        expect(
          citedArticles(condition.reason).filter((article) => !text.includes(article)),
        ).toEqual([]);
      }
      // The prohibited-practice condition reads as the triage's block reason.
      expect(
        gateConditionText(
          { key: 'not_prohibited', reason: blocked.blockReason!.text },
          blocked.blockReason,
          i18n,
        ),
      ).toBe(messages['reason.ai_act.emotion_recognition_prohibited']);
    },
  );

  it.each(catalogues)(
    '%s labels every track, stage, action, side and deadline rule the UI shows',
    (_lang, messages) => {
      const stages = new Set(
        TRACK_KINDS.flatMap((kind) => STAGES_BY_KIND[kind] as readonly string[]),
      );
      const ruleIds = new Set<string>([
        ...DEADLINE_RULE_IDS,
        ...TRACK_KINDS.flatMap((kind) => TRACK_DEADLINE_RULES[kind]),
      ]);
      const missing = [
        ...TRACK_KINDS.map((kind) => `track.${kind}`),
        'track.information',
        ...[...stages].map((stage) => `stage.${stage}`),
        ...[...new Set(TRANSITIONS.map((row) => row.action))].map((action) => `action.${action}`),
        ...[...new Set(TRANSITIONS.flatMap((row) => row.who))].map((side) => `side.${side}`),
        ...[...ruleIds].map((rule) => `rule.${rule}`),
      ].filter((key) => !messages[key]);
      expect(missing).toEqual([]);
    },
  );
});
