import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { Controller, type FieldPath, useForm, type UseFormReturn } from 'react-hook-form';

import { plainSources, reasonText } from '@wc/texts';

import { api, type Schemas, unwrap } from '../api/client';
import {
  emptyAnswers,
  type QuestionKey,
  reasonsFor,
  type TriageAnswers,
  type TriageOutcomeView,
} from '../domain';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { ErrorSummary, fieldId, serverFieldErrors, summaryOf } from './form';
import {
  Badge,
  Button,
  Checkbox,
  ErrorAlert,
  Loading,
  SelectField,
  TextField,
  useMutation,
  YesNo,
} from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Question = Schemas['TriageQuestionResponse'];
type ShowWhen = Schemas['TriageShowWhenResponse'];
type CaoSettlement = NonNullable<TriageAnswers['caoSettlements']>[number];
type Answers = Partial<TriageAnswers>;

/**
 * The server's triage questionnaire (issue #17): the questions in plain language with their help
 * text and example, and the follow-ups' conditions. One cache entry per case; the texts are the
 * server's, in the reader's language.
 */
export function useTriageQuestionnaire(caseId: string) {
  const { lang } = useI18n();
  const query = useQuery({
    queryKey: keys.case(caseId, 'triage-questionnaire'),
    queryFn: () =>
      unwrap(api.GET('/cases/{caseId}/triage/questionnaire', { params: { path: { caseId } } })),
    staleTime: Infinity,
  });
  const groups = query.data?.groups ?? [];
  const byKey = new Map(groups.flatMap((g) => g.questions).map((q) => [q.key, q]));
  return {
    query,
    groups,
    /** The question as the user reads it; its key until the questionnaire is loaded. */
    questionText: (key: string) => byKey.get(key)?.text[lang] ?? key,
  };
}

/**
 * Whether a follow-up is asked: the server's declared condition, read on the answers with the
 * server's cautious answer in place of each "weet ik niet" (as the server reads them).
 */
function applies(
  question: Question,
  answers: Answers,
  unknown: readonly string[],
  all: Question[],
) {
  const condition: ShowWhen | undefined = question.showWhen;
  if (!condition) {
    return true;
  }
  const parent = all.find((q) => q.key === condition.question);
  const value: unknown =
    unknown.includes(condition.question) && parent?.unknownAllowed
      ? parent.unknownAssumes
      : answers[condition.question as QuestionKey];
  switch (condition.operator) {
    case 'is_true':
      return value === true;
    case 'equals':
      return value === condition.value;
    case 'not_empty':
      return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value !== '';
  }
}

interface TriageValues {
  answers: Answers;
  /** "Weet ik niet", per question. */
  unknown: Partial<Record<QuestionKey, boolean>>;
}

const TRIAGE_FORM = 'triage';

const unknownKeys = (unknown: TriageValues['unknown']) =>
  (Object.keys(unknown) as QuestionKey[]).filter((k) => unknown[k] === true);

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
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { query, groups } = useTriageQuestionnaire(aiCase.id);
  const form = useForm<TriageValues>({
    defaultValues: { answers: initial ?? emptyAnswers(), unknown: {} },
    shouldFocusError: false,
  });
  const [fromRegister, setFromRegister] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
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
        for (const [key, value] of Object.entries(prefill.answers)) {
          form.setValue(`answers.${key as QuestionKey}`, value);
        }
      }
    });
    return () => {
      live = false;
    };
  }, [aiCase.id, initial, form]);
  const all = groups.flatMap((g) => g.questions);
  const values = form.watch();
  const unknown = unknownKeys(values.unknown ?? {});
  const asked = (q: Question, v: TriageValues = values) =>
    applies(q, v.answers, unknownKeys(v.unknown ?? {}), all);
  const save = useMutation(async (submitted: TriageValues) => {
    const filled: Record<string, unknown> = { ...submitted.answers };
    const notKnown = unknownKeys(submitted.unknown);
    if (Array.isArray(filled.caoSettlements)) {
      // A row left without a topic says nothing; leave it out rather than refuse the form.
      const rows = (filled.caoSettlements as CaoSettlement[]).filter((r) => r.topic.trim() !== '');
      filled.caoSettlements = rows.length > 0 ? rows : undefined;
    }
    for (const q of all) {
      const key = q.key as QuestionKey;
      const isAsked = asked(q, submitted);
      // A follow-up that does not apply is not answered (the server ignores it anyway); the
      // yes/no shape is kept with "no". The server puts the cautious answer in place of each
      // "weet ik niet"; `false` only fills the shape.
      if (!isAsked || (notKnown.includes(key) && filled[key] === undefined)) {
        if (q.kind === 'yes_no') {
          filled[key] = false;
        } else if (q.kind === 'number' && isAsked) {
          filled[key] = 0;
        } else if (!isAsked) {
          delete filled[key];
        }
      }
    }
    const saved = await unwrap(
      api.PUT('/cases/{caseId}/triage', {
        params: { path: { caseId: aiCase.id } },
        body: {
          version: aiCase.version,
          answers: filled as TriageAnswers,
          unknown: notKnown.filter((k) => all.some((q) => q.key === k && asked(q, submitted))),
        },
      }),
    ).catch((error: unknown) => {
      const fields = serverFieldErrors(i18n, error);
      for (const { path, message } of fields) {
        form.setError(path as FieldPath<TriageValues>, { type: 'server', message });
      }
      if (fields.length > 0) {
        setAttempt((n) => n + 1);
      }
      throw error;
    });
    onSaved(saved);
  });
  // A required question that applies is answered or "weet ik niet"; checked on submit.
  const requiredRule = (q: Question) => ({
    validate: (value: unknown, v: TriageValues) =>
      !q.required ||
      !asked(q, v) ||
      v.unknown?.[q.key as QuestionKey] === true ||
      (value !== undefined && value !== '' && !Number.isNaN(value)) ||
      t('triage.questionRequired', { question: q.text[lang] }),
  });
  const { errors } = form.formState;
  const items = summaryOf(
    TRIAGE_FORM,
    errors,
    all.map((q) => `answers.${q.key}`),
  );
  const onSubmit = form.handleSubmit(
    (submitted) => void save.submit(submitted),
    () => setAttempt((n) => n + 1),
  );

  if (query.isPending) {
    return <Loading />;
  }
  if (query.isError) {
    return <ErrorAlert error={query.error} />;
  }
  return (
    <form
      className="triage-form"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-describedby="triage-intro"
    >
      <p id="triage-intro" className="hint">
        {t('triage.intro')}
      </p>
      <ErrorSummary items={items} attempt={attempt} />
      {groups.map((group) => (
        <fieldset key={group.id} className="card question-group" data-group={group.id}>
          <legend>{group.title[lang]}</legend>
          {group.questions
            .filter((q) => asked(q))
            .map((q) => (
              <QuestionField
                key={q.key}
                question={q}
                form={form}
                rules={requiredRule(q)}
                unknown={unknown.includes(q.key as QuestionKey)}
                register={fromRegister[q.key]}
              />
            ))}
        </fieldset>
      ))}
      {save.error !== undefined && items.length === 0 && <ErrorAlert error={save.error} />}
      <button type="submit" className="button button-primary" aria-busy={save.busy || undefined}>
        {t('triage.save')}
      </button>
    </form>
  );
}

/** The help text and the example under a question. */
function Help({ question }: { question: Question }) {
  const { t, lang } = useI18n();
  return (
    <>
      <span className="question-help">{question.help[lang]}</span>{' '}
      <span className="question-example">
        {t('triage.example')} {question.example[lang]}
      </span>
    </>
  );
}

type Rules = { validate: (value: unknown, v: TriageValues) => true | string };

function QuestionField({
  question,
  form,
  rules,
  unknown,
  register,
}: {
  question: Question;
  form: UseFormReturn<TriageValues>;
  rules: Rules;
  unknown: boolean;
  /** The AI register fact that pre-filled this answer, if any. */
  register?: string;
}) {
  const { t, lang } = useI18n();
  const key = question.key as QuestionKey;
  const path = `answers.${key}` as const;
  const id = fieldId(TRIAGE_FORM, path);
  const text = question.text[lang];
  const value: unknown = form.watch(path);
  const error = (
    form.formState.errors.answers as Record<string, { message?: string }> | undefined
  )?.[key]?.message;
  const help = <Help question={question} />;
  const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
  let field: ReactNode;
  switch (question.kind) {
    case 'number':
      field = (
        <TextField
          id={id}
          label={text}
          hint={help}
          error={error}
          type="number"
          min={0}
          inputMode="numeric"
          {...form.register(path, {
            ...rules,
            setValueAs: (v: unknown) => (v === '' || v === null ? undefined : Number(v)),
          })}
        />
      );
      break;
    case 'text':
      field = (
        <TextField
          id={id}
          label={text}
          hint={help}
          error={error}
          maxLength={500}
          {...form.register(path, { ...rules, setValueAs: emptyToUndefined })}
        />
      );
      break;
    case 'choice':
      field = (
        <SelectField
          id={id}
          label={text}
          hint={help}
          error={error}
          {...form.register(path, { ...rules, setValueAs: emptyToUndefined })}
        >
          {typeof value !== 'string' && <option value="">{t('triage.choose')}</option>}
          {(question.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </SelectField>
      );
      break;
    case 'letters':
      field = (
        <Controller
          control={form.control}
          name={path}
          rules={rules}
          render={({ field: control }) => {
            const letters = Array.isArray(control.value) ? (control.value as string[]) : [];
            return (
              <fieldset className="letters">
                <legend>{text}</legend>
                <p className="hint">{help}</p>
                <div className="letters-options">
                  {(question.options ?? []).map((o, i) => (
                    <label key={o.value}>
                      <input
                        type="checkbox"
                        id={i === 0 ? id : undefined}
                        checked={letters.includes(o.value)}
                        onChange={(e) =>
                          control.onChange(
                            e.target.checked
                              ? [...letters, o.value]
                              : letters.filter((l) => l !== o.value),
                          )
                        }
                      />{' '}
                      {o.label[lang]}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          }}
        />
      );
      break;
    case 'cao_settlements':
      field = (
        <Controller
          control={form.control}
          name={path}
          render={({ field: control }) => (
            <CaoSettlements
              question={question}
              value={Array.isArray(control.value) ? (control.value as CaoSettlement[]) : []}
              onChange={(next) => control.onChange(next.length > 0 ? next : undefined)}
            />
          )}
        />
      );
      break;
    case 'yes_no':
      field = unknown ? (
        <p className="question-unknown">{text}</p>
      ) : (
        <Controller
          control={form.control}
          name={path}
          rules={rules}
          render={({ field: control }) => (
            <YesNo
              id={id}
              name={key}
              legend={text}
              hint={help}
              error={error}
              value={typeof control.value === 'boolean' ? control.value : undefined}
              onChange={(v) => control.onChange(v)}
              onBlur={control.onBlur}
            />
          )}
        />
      );
      break;
  }
  return (
    <div
      className="question"
      data-question={key}
      data-kind={question.kind}
      data-follow-up={question.showWhen ? question.showWhen.question : undefined}
    >
      {unknown && question.kind !== 'yes_no' ? <p className="question-unknown">{text}</p> : field}
      {question.unknownAllowed && (
        <Checkbox
          label={t('triage.unknown')}
          hint={unknown ? t('triage.unknownHint') : undefined}
          {...form.register(`unknown.${key}`, {
            // "Weet ik niet" answers the question: its refusal goes.
            onChange: () => form.clearErrors(path),
          })}
        />
      )}
      {register && (
        <p className="hint small">
          {t('triage.fromRegister', { fact: register })}
          {value !== true && !unknown && (
            <strong role="note"> {t('triage.contradictsRegister')}</strong>
          )}
        </p>
      )}
    </div>
  );
}

/** WOR 27(3) "voor zover": what the cao settles of a consent subject, topic by topic. */
function CaoSettlements({
  question,
  value,
  onChange,
}: {
  question: Question;
  value: CaoSettlement[];
  onChange: (next: CaoSettlement[]) => void;
}) {
  const { t, lang } = useI18n();
  const update = (i: number, patch: Partial<CaoSettlement>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <fieldset className="letters cao-settlements">
      <legend>{question.text[lang]}</legend>
      <p className="hint">
        <Help question={question} />
      </p>
      {value.map((row, i) => (
        <div className="cao-settlement" key={i} data-testid="cao-settlement">
          <SelectField
            label={t('triage.caoLetter')}
            value={row.letter}
            onChange={(e) => update(i, { letter: e.target.value as CaoSettlement['letter'] })}
          >
            {(question.options ?? []).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label[lang]}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('triage.caoScope')}
            value={row.scope}
            onChange={(e) => update(i, { scope: e.target.value as CaoSettlement['scope'] })}
          >
            <option value="part">{t('triage.caoScope.part')}</option>
            <option value="whole">{t('triage.caoScope.whole')}</option>
          </SelectField>
          <TextField
            label={t('triage.caoTopic')}
            maxLength={500}
            value={row.topic}
            onChange={(e) => update(i, { topic: e.target.value })}
          />
          <TextField
            label={t('triage.caoRowReference')}
            maxLength={500}
            value={row.reference ?? ''}
            onChange={(e) => update(i, { reference: e.target.value || undefined })}
          />
          <Button variant="secondary" onClick={() => onChange(value.filter((_, j) => j !== i))}>
            {t('triage.caoRemove')}
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        onClick={() => onChange([...value, { letter: 'c', scope: 'part', topic: '' }])}
      >
        {t('triage.caoAdd')}
      </Button>
    </fieldset>
  );
}

/** Which rights apply and why: one card per right, with the reasons and their legal sources. */
export function TriageOutcome({ outcome, caseId }: { outcome: TriageOutcomeView; caseId: string }) {
  const i18n = useI18n();
  const { t, label } = i18n;
  const { questionText } = useTriageQuestionnaire(caseId);
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
      applies:
        outcome.aiAct.highRisk ||
        outcome.aiAct.noticeToWorkersRequired ||
        (outcome.aiAct.transparencyDuties ?? []).length > 0,
      detail: outcome.aiAct.highRisk ? t('rights.highRisk') : undefined,
      area: ['ai_act'],
    },
    {
      key: 'gdpr',
      applies: outcome.gdpr?.article22 === true,
      area: ['gdpr'],
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
      !['advice', 'information', 'consent', 'ai_act', 'gdpr', 'dpia', 'skills'].includes(
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
                {questionText(f.question)}: {t('triage.assumed')}{' '}
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
                {questionText(w.question)}: {t('triage.fromRegister', { fact: w.register })}
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

/** The legal sources in plain language ("art. 25 lid 6 WOR"), never the research ids (issue #18). */
export function Sources({ sources }: { sources: readonly string[] }) {
  const { t, lang } = useI18n();
  const text = plainSources(sources, lang);
  if (!text) {
    return null;
  }
  return (
    <span className="sources" aria-label={t('common.sources')}>
      ({text})
    </span>
  );
}
