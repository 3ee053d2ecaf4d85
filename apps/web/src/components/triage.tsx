import { type FormEvent, useEffect, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import {
  CHOICES,
  CONSENT_LETTERS,
  emptyAnswers,
  type QuestionKey,
  reasonsFor,
  TRIAGE_GROUPS,
  type TriageAnswers,
  type TriageOutcomeView,
} from '../domain';
import { useI18n } from '../i18n';
import { reasonText } from '../legal-texts';
import { Badge, Checkbox, ErrorAlert, SelectField, TextField, useMutation, YesNo } from './ui';

type CaseResponse = Schemas['CaseResponse'];
const NON_BOOLEAN: readonly QuestionKey[] = [
  'councilType',
  'headcount',
  'annexIIIPoint4',
  'deployerType',
  'caoSettledConsentLetters',
  'caoReference',
  'majorEffectOnQuarterOfStaff',
];

/** The screening questionnaire; saving it shows which rights apply and why. */
export function TriageForm({
  aiCase,
  initial,
  onSaved,
}: {
  aiCase: CaseResponse;
  initial?: TriageAnswers;
  onSaved: (c: CaseResponse) => void;
}) {
  const { t } = useI18n();
  const [answers, setAnswers] = useState<Partial<TriageAnswers>>(initial ?? emptyAnswers());
  const [unknown, setUnknown] = useState<QuestionKey[]>([]);
  const [fromRegister, setFromRegister] = useState<Record<string, string>>({});
  const [unanswered, setUnanswered] = useState<QuestionKey[]>([]);
  const set = <K extends QuestionKey>(key: K, value: TriageAnswers[K] | undefined) =>
    setAnswers((a) => ({ ...a, [key]: value }));
  const toggleUnknown = (key: QuestionKey, on: boolean) =>
    setUnknown((u) => (on ? [...u, key] : u.filter((k) => k !== key)));
  // The AI register pre-fills what it knows; the employer may still change every answer.
  useEffect(() => {
    let live = true;
    void unwrap(
      api.GET('/cases/{caseId}/triage/prefill', { params: { path: { caseId: aiCase.id } } }),
    ).then((prefill) => {
      if (!live) {
        return;
      }
      setFromRegister(prefill.because);
      if (!initial) {
        setAnswers((a) => ({ ...a, ...prefill.answers }));
      }
    });
    return () => {
      live = false;
    };
  }, [aiCase.id, initial]);
  const save = useMutation(async () => {
    // The server puts the cautious answer in place of each "weet ik niet"; `false` only fills the shape.
    const filled = { ...answers };
    for (const q of unknown) {
      if (filled[q] === undefined) {
        (filled as Record<string, unknown>)[q] = false;
      }
    }
    const saved = await unwrap(
      api.PUT('/cases/{caseId}/triage', {
        params: { path: { caseId: aiCase.id } },
        body: { version: aiCase.version, answers: filled as TriageAnswers, unknown },
      }),
    );
    onSaved(saved);
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = TRIAGE_GROUPS.flatMap((g) => g.questions).filter(
      (q) => !NON_BOOLEAN.includes(q) && answers[q] === undefined && !unknown.includes(q),
    );
    setUnanswered(missing);
    if (missing.length === 0) {
      void save.submit();
    } else {
      document.getElementById('triage-unanswered')?.focus();
    }
  };

  return (
    <form className="triage-form" onSubmit={onSubmit} noValidate aria-describedby="triage-intro">
      <p id="triage-intro" className="hint">
        {t('triage.intro')}
      </p>
      {TRIAGE_GROUPS.map((group) => (
        <fieldset key={group.id} className="card question-group">
          <legend>{t(`triageGroup.${group.id}` as 'triageGroup.council')}</legend>
          {group.questions.map((q) => (
            <Question
              key={q}
              question={q}
              answers={answers}
              set={set}
              unknown={unknown.includes(q)}
              setUnknown={(on) => toggleUnknown(q, on)}
              register={fromRegister[q]}
            />
          ))}
        </fieldset>
      ))}
      {unanswered.length > 0 && (
        <div className="alert alert-error" role="alert" id="triage-unanswered" tabIndex={-1}>
          <p>{t('triage.unanswered', { count: unanswered.length })}</p>
          <ul>
            {unanswered.map((q) => (
              <li key={q}>{t(`q.${q}` as 'q.headcount')}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorAlert error={save.error} />
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {t('triage.save')}
      </button>
    </form>
  );
}

function Question({
  question,
  answers,
  set,
  unknown,
  setUnknown,
  register,
}: {
  question: QuestionKey;
  answers: Partial<TriageAnswers>;
  set: <K extends QuestionKey>(key: K, value: TriageAnswers[K] | undefined) => void;
  unknown: boolean;
  setUnknown: (on: boolean) => void;
  /** The AI register fact that pre-filled this answer, if any. */
  register?: string;
}) {
  const { t, label } = useI18n();
  const text = t(`q.${question}` as 'q.headcount');
  const choices = CHOICES[question];
  if (question === 'headcount') {
    return (
      <TextField
        label={text}
        type="number"
        min={0}
        inputMode="numeric"
        value={answers.headcount ?? ''}
        onChange={(e) =>
          set('headcount', e.target.value === '' ? undefined : Number(e.target.value))
        }
      />
    );
  }
  if (question === 'caoReference') {
    return (
      <TextField
        label={text}
        value={answers.caoReference ?? ''}
        onChange={(e) => set('caoReference', e.target.value || undefined)}
      />
    );
  }
  if (question === 'majorEffectOnQuarterOfStaff') {
    if (answers.councilType !== 'pvt') {
      return null;
    }
    return (
      <YesNo
        name={question}
        legend={text}
        value={answers.majorEffectOnQuarterOfStaff}
        onChange={(v) => set('majorEffectOnQuarterOfStaff', v)}
      />
    );
  }
  if (question === 'caoSettledConsentLetters') {
    const letters = answers.caoSettledConsentLetters ?? [];
    return (
      <fieldset className="letters">
        <legend>{text}</legend>
        <div className="letters-options">
          {CONSENT_LETTERS.map((letter) => (
            <label key={letter}>
              <input
                type="checkbox"
                checked={letters.includes(letter)}
                onChange={(e) =>
                  set(
                    'caoSettledConsentLetters',
                    e.target.checked ? [...letters, letter] : letters.filter((l) => l !== letter),
                  )
                }
              />{' '}
              {label('consentLetter', letter)}
            </label>
          ))}
        </div>
      </fieldset>
    );
  }
  if (choices) {
    return (
      <SelectField
        label={text}
        value={formatChoice(answers[question])}
        onChange={(e) => set(question, e.target.value as never)}
      >
        {choices.map((c) => (
          <option key={c} value={c}>
            {label(`choice.${question}`, c)}
          </option>
        ))}
      </SelectField>
    );
  }
  const hint = t(`qHint.${question}` as 'qHint.canMonitorStaff', {}, '');
  return (
    <div className="question" data-question={question}>
      {!unknown && (
        <YesNo
          name={question}
          legend={text}
          hint={hint || undefined}
          value={answers[question] as boolean | undefined}
          onChange={(v) => set(question, v as never)}
        />
      )}
      {unknown && <p className="question-unknown">{text}</p>}
      <Checkbox
        label={t('triage.unknown')}
        hint={unknown ? t('triage.unknownHint') : undefined}
        checked={unknown}
        onChange={(e) => setUnknown(e.target.checked)}
      />
      {register && (
        <p className="hint small">
          {t('triage.fromRegister', { fact: register })}
          {answers[question] !== true && !unknown && (
            <strong role="note"> {t('triage.contradictsRegister')}</strong>
          )}
        </p>
      )}
    </div>
  );
}

/** Which rights apply and why: one card per right, with the reasons and their legal sources. */
export function TriageOutcome({ outcome }: { outcome: TriageOutcomeView }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const rights: Array<{ key: string; applies: boolean; detail?: string; area: string[] }> = [
    {
      key: 'advice',
      applies: outcome.advice.applies,
      detail: outcome.advice.letters.map((l) => `25(1)(${l})`).join(', '),
      area: ['advice', 'information'],
    },
    {
      key: 'consent',
      applies: outcome.consent.applies,
      detail: outcome.consent.letters.map((l) => `27(1)(${l})`).join(', '),
      area: ['consent'],
    },
    {
      key: 'aiAct',
      applies: outcome.aiAct.highRisk || outcome.aiAct.noticeToWorkersRequired,
      detail: outcome.aiAct.highRisk ? t('rights.highRisk') : undefined,
      area: ['ai_act'],
    },
    { key: 'fria', applies: outcome.aiAct.fria, area: [] },
    {
      key: 'dpia',
      applies: outcome.dpia.required,
      detail: outcome.dpia.triggers.map((tr) => label('dpiaTrigger', tr)).join(', '),
      area: ['dpia'],
    },
    {
      key: 'skills',
      applies: outcome.skills.trainingRequired || outcome.skills.aiLiteracy,
      area: ['skills'],
    },
  ];
  const other = outcome.reasons.filter(
    (r) =>
      !['advice', 'information', 'consent', 'ai_act', 'dpia', 'skills'].includes(
        r.code.split('.')[0],
      ),
  );
  return (
    <section className="triage-outcome" aria-labelledby="outcome-title">
      <h3 id="outcome-title">{t('triage.outcomeTitle')}</h3>
      {outcome.blocked && (
        <div className="alert alert-error" role="alert">
          <strong>{t('triage.prohibited')}</strong>{' '}
          {outcome.blockReason && reasonText(outcome.blockReason, outcome, i18n)}{' '}
          <Sources sources={outcome.blockReason?.sources ?? []} />
        </div>
      )}
      <ul className="rights">
        {rights.map((right) => (
          <li
            key={right.key}
            className={`right ${right.applies ? 'right-applies' : 'right-not'}`}
            data-right={right.key}
            data-applies={right.applies}
          >
            <div className="right-head">
              <strong>{t(`rights.${right.key}` as 'rights.advice')}</strong>
              <Badge tone={right.applies ? 'ok' : 'neutral'}>
                {right.applies ? t('rights.applies') : t('rights.notApplies')}
              </Badge>
              {right.detail && <span className="muted">{right.detail}</span>}
            </div>
            {right.area.flatMap((a) => reasonsFor(outcome, a)).length > 0 && (
              <ul className="reasons">
                {right.area
                  .flatMap((a) => reasonsFor(outcome, a))
                  .map((r) => (
                    <li key={r.code} data-reason={r.code}>
                      {reasonText(r, outcome, i18n)} <Sources sources={r.sources} />
                    </li>
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {other.length > 0 && (
        <>
          <h4>{t('triage.otherReasons')}</h4>
          <ul className="reasons">
            {other.map((r) => (
              <li key={r.code} data-reason={r.code}>
                {reasonText(r, outcome, i18n)} <Sources sources={r.sources} />
              </li>
            ))}
          </ul>
        </>
      )}
      {(outcome.toFindOut ?? []).length > 0 && (
        <div className="alert alert-warn" data-testid="triage-to-find-out">
          <h4>{t('triage.toFindOut')}</h4>
          <ul>
            {(outcome.toFindOut ?? []).map((f) => (
              <li key={f.question}>
                {t(`q.${f.question}` as 'q.headcount', {}, f.question)}: {t('triage.assumed')}{' '}
                <strong>{assumedText(f.assumed, t)}</strong> <Sources sources={f.sources} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {(outcome.registerWarnings ?? []).length > 0 && (
        <div className="alert alert-warn" role="note">
          <h4>{t('triage.registerWarnings')}</h4>
          <ul>
            {(outcome.registerWarnings ?? []).map((w) => (
              <li key={w.question}>
                {t(`q.${w.question}` as 'q.headcount', {}, w.question)}:{' '}
                {t('triage.fromRegister', { fact: w.register })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="hint">{t('triage.suggestion')}</p>
    </section>
  );
}

function assumedText(value: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (value === true) {
    return t('common.yes');
  }
  if (value === false) {
    return t('common.no');
  }
  return Array.isArray(value) ? value.join(', ') || '–' : String(value);
}

export function Sources({ sources }: { sources: readonly string[] }) {
  const { t } = useI18n();
  if (sources.length === 0) {
    return null;
  }
  return (
    <span className="sources" aria-label={t('common.sources')}>
      [{sources.join(', ')}]
    </span>
  );
}

/** The select's value for a stored choice; an unanswered question selects the empty option. */
function formatChoice(answer: unknown): string {
  return typeof answer === 'string' ? answer : '';
}
