import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useCallback, useRef, useState } from 'react';
import { type FieldPath, useFieldArray, useForm } from 'react-hook-form';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import type { Side } from '../domain';
import { formatValue, todayInAmsterdam } from '../format';
import { useI18n } from '../i18n';
import { ErrorSummary, fieldId, serverFieldErrors, summaryOf } from './form';
import { Sources } from './triage';
import {
  Badge,
  Button,
  Empty,
  ErrorAlert,
  Loading,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from './ui';
import { keys } from '../queries';

type AssessmentPatch = Omit<Schemas['UpdateAssessmentDto'], 'version'>;
type SaveStatus = 'idle' | 'saving' | 'saved' | 'failed';

/**
 * Autosave for the assessment (issue #18): each change is saved on its own, one after the other,
 * each with the version the previous save answered, so quick answers never conflict with each
 * other; the questions refetch once the queue is empty.
 */
function useAssessmentSaver(
  caseId: string,
  assessment: Assessment,
  onChanged: () => void,
): {
  save: (patch: AssessmentPatch) => Promise<void>;
  /** The version once every queued save is done (submitting a version waits for them). */
  settled: () => Promise<number>;
} {
  const version = useRef(assessment.version);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  if (pending.current === 0) {
    version.current = assessment.version;
  }
  const save = useCallback(
    (patch: AssessmentPatch) => {
      pending.current += 1;
      const run = queue.current.then(async () => {
        try {
          const next = await unwrap(
            api.PATCH('/cases/{caseId}/assessment', {
              params: { path: { caseId } },
              body: { ...patch, version: version.current },
            }),
          );
          version.current = next.version;
        } finally {
          pending.current -= 1;
          if (pending.current === 0) {
            onChanged();
          }
        }
      });
      queue.current = run.catch(() => undefined);
      return run;
    },
    [caseId, onChanged],
  );
  const settled = useCallback(() => queue.current.then(() => version.current), []);
  return { save, settled };
}

/** The visible state of one autosaved answer. */
function SaveState({ status, error }: { status: SaveStatus; error: unknown }) {
  const { t } = useI18n();
  return (
    <span className="save-state muted small" role="status" data-save-state={status}>
      {status === 'saving' && t('autosave.saving')}
      {status === 'saved' && t('autosave.saved')}
      {status === 'failed' && <ErrorAlert error={error} />}
    </span>
  );
}

function useAutosave(
  save: (patch: AssessmentPatch) => Promise<void>,
): [SaveStatus, unknown, (patch: AssessmentPatch) => void] {
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [error, setError] = useState<unknown>(undefined);
  const run = useCallback(
    (patch: AssessmentPatch) => {
      setStatus('saving');
      save(patch).then(
        () => setStatus('saved'),
        (e: unknown) => {
          setError(e);
          setStatus('failed');
        },
      );
    },
    [save],
  );
  return [status, error, run];
}

type CaseResponse = Schemas['CaseResponse'];
type Assessment = Schemas['AssessmentResponse'];
type Questionnaire = Schemas['QuestionnaireResponse'];
type Comment = Schemas['AssessmentCommentResponse'];
type AnswerDto = Schemas['AnswerDto'];
type QuestionId = AnswerDto['questionId'];
type CommentTarget = Schemas['CreateAssessmentCommentDto']['questionId'];
type Effect = number | 'unknown';

const EFFECTS: readonly Effect[] = [-2, -1, 0, 1, 2, 'unknown'];
const COMMENTERS: readonly Side[] = ['council_board', 'council_member', 'expert'];

/** The case dossier: what is still missing, the impact assessment, oversight and training. */
export function Dossier({ aiCase, names }: { aiCase: CaseResponse; names: Map<string, string> }) {
  const { t } = useI18n();
  return (
    <div className="dossier">
      <Checklist caseId={aiCase.id} />
      <AssessmentSection aiCase={aiCase} names={names} />
      <OversightSection aiCase={aiCase} />
      <TrainingSection aiCase={aiCase} />
      <p className="hint">{t('dossier.lead')}</p>
    </div>
  );
}

function Checklist({ caseId }: { caseId: string }) {
  const { t, label } = useI18n();
  const checklist = useQuery({
    queryKey: keys.case(caseId, 'checklist'),
    queryFn: () => unwrap(api.GET('/cases/{caseId}/checklist', { params: { path: { caseId } } })),
  });
  if (!checklist.data) {
    return checklist.error ? <ErrorAlert error={checklist.error} /> : <Loading />;
  }
  return (
    <section className="card" aria-labelledby="checklist-title">
      <div className="section-head">
        <h2 id="checklist-title">{t('dossier.checklist')}</h2>
        <Badge tone={checklist.data.ready ? 'ok' : 'warn'}>
          {checklist.data.ready ? t('dossier.ready') : t('dossier.notReady')}
        </Badge>
      </div>
      <ul className="checklist">
        {checklist.data.items.map((item) => (
          <li
            key={item.key}
            className={item.done ? 'met' : 'unmet'}
            data-item={item.key}
            data-done={item.done}
          >
            <span className="check" aria-hidden="true">
              {item.done ? '✓' : '✗'}
            </span>
            <span>
              <strong>
                {label('dossierItem', item.key.split(':').slice(1).join(':') || item.key)}
              </strong>{' '}
              <span className="visually-hidden">{item.done ? t('gate.met') : t('gate.unmet')}</span>
              {!item.done && item.blocksSubmission && (
                <>
                  {' '}
                  <Badge tone="danger">{t('dossier.blocks')}</Badge>
                </>
              )}
              {!item.done && item.detail && (
                <span className="muted small">
                  {' '}
                  · {humanDetail(item.key, item.detail, t, label)}
                </span>
              )}{' '}
              <Sources sources={item.sources} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * `unanswered:A1,B2;unrated:C` → readable text; each missing part named in the reader's language:
 * the request's texts, the oversight's parts, the DPIA/FRIA items by their letter.
 */
function humanDetail(
  item: string,
  detail: string,
  t: ReturnType<typeof useI18n>['t'],
  label: (group: string, value: string) => string,
): string {
  const part = (id: string) => {
    const section = /^(DPIA|FRIA)\.([a-z])$/.exec(id);
    if (section) {
      return `${t(section[1] === 'DPIA' ? 'dossier.dpia' : 'dossier.fria')} (${section[2]})`;
    }
    if (item.startsWith('request:')) {
      return label('missing', id);
    }
    return item === 'dossier:oversight_arrangement' ? label('oversightMissing', id) : id;
  };
  return detail
    .split(';')
    .map((entry) => {
      const [kind, list] = entry.split(':');
      // `missing:` lists request fields (`regeling_text`): their names, never the raw keys.
      const name = (id: string) => (kind === 'missing' ? label('missing', id) : part(id));
      return list
        ? `${label('detail', kind)}: ${list.split(',').map(name).join(', ')}`
        : label('detail', kind);
    })
    .join('; ');
}

function AssessmentSection({
  aiCase,
  names,
}: {
  aiCase: CaseResponse;
  names: Map<string, string>;
}) {
  const caseId = aiCase.id;
  const data = useQuery({
    queryKey: keys.case(caseId, 'assessment'),
    queryFn: async () => {
      const [assessment, questionnaire, comments] = await Promise.all([
        unwrap(api.GET('/cases/{caseId}/assessment', { params: { path: { caseId } } })),
        unwrap(
          api.GET('/cases/{caseId}/assessment/questionnaire', { params: { path: { caseId } } }),
        ),
        allPages((cursor) =>
          unwrap(
            api.GET('/cases/{caseId}/assessment/comments', {
              params: { query: { limit: 200, cursor }, path: { caseId } },
            }),
          ),
        ),
      ]);
      return { assessment, questionnaire, comments };
    },
  });
  const { refetch: refetchQuery } = data;
  const refetch = useCallback(() => void refetchQuery(), [refetchQuery]);
  if (!data.data) {
    return data.error ? <ErrorAlert error={data.error} /> : <Loading />;
  }
  const { assessment, questionnaire, comments } = data.data;
  const editable = aiCase.yourSide === 'employer';
  const content = assessment.draft ?? assessment.latestVersion?.content;
  const byQuestion = new Map<string, Comment[]>();
  for (const c of comments) {
    byQuestion.set(c.questionId, [...(byQuestion.get(c.questionId) ?? []), c]);
  }
  const latest = assessment.latestVersion;
  return (
    <AssessmentBody
      aiCase={aiCase}
      names={names}
      assessment={assessment}
      questionnaire={questionnaire}
      content={content}
      byQuestion={byQuestion}
      editable={editable}
      latest={latest}
      refetch={refetch}
    />
  );
}

function AssessmentBody({
  aiCase,
  names,
  assessment,
  questionnaire,
  content,
  byQuestion,
  editable,
  latest,
  refetch,
}: {
  aiCase: CaseResponse;
  names: Map<string, string>;
  assessment: Assessment;
  questionnaire: Questionnaire;
  content: Assessment['draft'] | undefined;
  byQuestion: Map<string, Comment[]>;
  editable: boolean;
  latest: Assessment['latestVersion'];
  refetch: () => void;
}) {
  const { t, lang, dateTime } = useI18n();
  const caseId = aiCase.id;
  const { save, settled } = useAssessmentSaver(caseId, assessment, refetch);
  // Submitting a version waits for the answers still being saved (the click left a field).
  const submit = useMutation(async () => {
    const version = await settled();
    await unwrap(
      api.POST('/cases/{caseId}/assessment/submissions', {
        params: { path: { caseId } },
        body: { version },
      }),
    );
    // The checklists follow through the socket's event (keys.case).
    refetch();
  });
  return (
    <section className="card" aria-labelledby="assessment-title">
      <div className="section-head">
        <h2 id="assessment-title">{t('dossier.assessment')}</h2>
        <div className="page-actions">
          {latest?.seq ? (
            <Badge tone="ok">
              {t('dossier.submittedVersion', {
                seq: latest.seq,
                date: dateTime(latest.submittedAt),
              })}
            </Badge>
          ) : (
            <Badge tone="warn">{t('dossier.notSubmitted')}</Badge>
          )}
          {assessment.unsubmittedChanges && <Badge tone="warn">{t('dossier.unsubmitted')}</Badge>}
          {editable && (
            <Button
              id="assessment-submit"
              busy={submit.busy}
              onClick={() => void submit.submit()}
              aria-describedby="assessment-submit-explained"
            >
              {t('dossier.submit')}
            </Button>
          )}
        </div>
      </div>
      <ErrorAlert error={submit.error} />
      {editable && (
        <p className="hint" id="assessment-submit-explained">
          {t('autosave.lead')}
        </p>
      )}
      {questionnaire.dimensions.map((dimension) => {
        const rating = content?.dimensions.find((d) => d.dimension === dimension.key);
        const answered = dimension.questions.filter((q) =>
          content?.answers.some((a) => a.questionId === q.id && a.answer),
        ).length;
        return (
          <Dimension
            key={dimension.key}
            dimension={dimension.key}
            // The employer finds open what still waits for an answer or a rating.
            openAtFirst={editable && (answered < dimension.questions.length || !rating)}
          >
            <summary>
              <strong>
                {dimension.key}. {dimension.title[lang]}
              </strong>{' '}
              <progress
                className="dimension-progress"
                max={dimension.questions.length}
                value={answered}
                aria-label={t('autosave.progress', { key: dimension.key })}
              />{' '}
              <span className="muted small">
                {t('dossier.answered', { done: answered, total: dimension.questions.length })}
                {rating ? ` · ${t('dossier.rating')}: ${effectLabel(rating.rating, t)}` : ''}
                {dimension.questions.some((q) => byQuestion.has(q.id))
                  ? ` · ${t('dossier.hasComments')}`
                  : ''}
              </span>
            </summary>
            {dimension.questions.map((question) => (
              <QuestionBlock
                key={question.id}
                caseId={caseId}
                question={question}
                answer={content?.answers.find((a) => a.questionId === question.id)}
                comments={byQuestion.get(question.id) ?? []}
                editable={editable}
                canComment={COMMENTERS.includes(aiCase.yourSide)}
                names={names}
                save={save}
                onChanged={refetch}
              />
            ))}
            {editable && (
              <DimensionRating dimension={dimension.key} current={rating?.rating} save={save} />
            )}
          </Dimension>
        );
      })}
      <Risks content={content} editable={editable} save={save} />
      <SectionTexts
        questionnaire={questionnaire}
        content={content}
        editable={editable}
        save={save}
      />
    </section>
  );
}

/** One SER dimension, folded; open at first while it waits for the employer. */
function Dimension({
  dimension,
  openAtFirst,
  children,
}: {
  dimension: string;
  openAtFirst: boolean;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(openAtFirst);
  return (
    <details
      className="dimension"
      data-dimension={dimension}
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      {children}
    </details>
  );
}

function effectLabel(
  effect: Effect | null | undefined,
  t: (key: 'dossier.effectUnknown') => string,
): string {
  if (effect === null || effect === undefined) {
    return '–';
  }
  return effect === 'unknown'
    ? t('dossier.effectUnknown')
    : effect > 0
      ? `+${effect}`
      : String(effect);
}

interface AnswerValues {
  answer: string;
  effect: string;
  mitigation: string;
}

const toEffect = (value: string): Effect => (value === 'unknown' ? 'unknown' : Number(value));

function QuestionBlock({
  caseId,
  question,
  answer,
  comments,
  editable,
  canComment,
  names,
  save: saveAssessment,
  onChanged,
}: {
  caseId: string;
  save: (patch: AssessmentPatch) => Promise<void>;
  question: Questionnaire['dimensions'][number]['questions'][number];
  answer: Schemas['AnswerResponse'] | undefined;
  comments: Comment[];
  editable: boolean;
  canComment: boolean;
  names: Map<string, string>;
  onChanged: () => void;
}) {
  const { t, lang, dateTime, label } = useI18n();
  const form = useForm<AnswerValues>({
    defaultValues: {
      answer: answer?.answer ?? '',
      effect: String(answer?.effect ?? 0),
      mitigation: answer?.mitigation ?? '',
    },
  });
  // What was last saved: leaving a field unchanged saves nothing.
  const saved = useRef(form.getValues());
  const [status, saveError, autosave] = useAutosave(saveAssessment);
  // Saved when the answer is left or the effect chosen; an empty answer is not saved.
  const saveNow = () => {
    const values = form.getValues();
    const last = saved.current;
    if (
      !values.answer.trim() ||
      (values.answer === last.answer &&
        values.effect === last.effect &&
        values.mitigation === last.mitigation)
    ) {
      return;
    }
    saved.current = values;
    autosave({
      answers: [
        {
          questionId: question.id as QuestionId,
          answer: values.answer,
          effect: toEffect(values.effect),
          ...(values.mitigation ? { mitigation: values.mitigation } : {}),
        },
      ],
    });
  };
  const effect = toEffect(form.watch('effect'));
  const formName = `answer-${question.id}`;
  return (
    <div className="question" data-question={question.id}>
      <p className="question-text">
        <strong>{question.id}</strong> {question.text[lang]} <Sources sources={question.sources} />
      </p>
      {editable ? (
        <div className="answer-form" data-autosave>
          <TextArea
            id={fieldId(formName, 'answer')}
            label={t('dossier.answer')}
            {...form.register('answer', { onBlur: saveNow })}
          />
          <SelectField
            id={fieldId(formName, 'effect')}
            label={t('dossier.effect')}
            {...form.register('effect', { onChange: saveNow })}
          >
            {EFFECTS.map((x) => (
              <option key={String(x)} value={String(x)}>
                {label('effect', String(x))}
              </option>
            ))}
          </SelectField>
          {typeof effect === 'number' && effect < 0 && (
            <TextArea
              id={fieldId(formName, 'mitigation')}
              label={t('dossier.mitigation')}
              hint={t('dossier.mitigationNeeded')}
              {...form.register('mitigation', { onBlur: saveNow })}
            />
          )}
          <SaveState status={status} error={saveError} />
        </div>
      ) : answer ? (
        <div className="answer">
          <p>{answer.answer}</p>
          <p className="muted small">
            {t('dossier.effect')}: {label('effect', String(answer.effect))}
            {answer.mitigation && ` · ${t('dossier.mitigation')}: ${answer.mitigation}`}
          </p>
        </div>
      ) : (
        <p className="empty">{t('dossier.noAnswer')}</p>
      )}
      {(comments.length > 0 || canComment) && (
        <div
          className="comments"
          aria-label={t('dossier.commentsOn', { id: question.id })}
          role="group"
        >
          {comments.map((c) => (
            <div key={c.id} className="comment" data-comment={c.id}>
              <p>{c.body}</p>
              <p className="muted small">
                {names.get(c.authorId) ?? label('side', c.authorSide)} · {dateTime(c.createdAt)}
                {c.versionSeq ? ` · ${t('dossier.onVersion', { seq: c.versionSeq })}` : ''}
              </p>
            </div>
          ))}
          {canComment && <CommentForm caseId={caseId} question={question.id} onDone={onChanged} />}
        </div>
      )}
    </div>
  );
}

/** A comment on one question; an empty comment is refused at the field. */
function CommentForm({
  caseId,
  question,
  onDone,
}: {
  caseId: string;
  question: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<{ body: string }>({ defaultValues: { body: '' } });
  const add = useMutation(async ({ body }: { body: string }) => {
    await unwrap(
      api.POST('/cases/{caseId}/assessment/comments', {
        params: { path: { caseId } },
        body: { questionId: question as CommentTarget, body: body.trim() },
      }),
    );
    form.reset();
    onDone();
  });
  const onSubmit = form.handleSubmit((values) => void add.submit(values));
  return (
    <form className="comment-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <TextArea
        id={fieldId(`comment-${question}`, 'body')}
        label={t('dossier.addComment', { id: question })}
        rows={2}
        error={form.formState.errors.body?.message}
        {...form.register('body', {
          validate: (v) => v.trim() !== '' || t('dossier.commentRequired'),
        })}
      />
      <ErrorAlert error={add.error} />
      <button type="submit" className="button button-secondary" aria-busy={add.busy || undefined}>
        {t('dossier.postComment')}
      </button>
    </form>
  );
}

function DimensionRating({
  dimension,
  current,
  save,
}: {
  dimension: Schemas['DimensionRatingDto']['dimension'];
  current: Effect | undefined;
  save: (patch: AssessmentPatch) => Promise<void>;
}) {
  const { t, label } = useI18n();
  const form = useForm<{ rating: string }>({
    defaultValues: { rating: current === undefined ? '' : String(current) },
  });
  const [status, error, autosave] = useAutosave(save);
  const rated = form.watch('rating') !== '';
  return (
    <div className="inline-form" data-autosave>
      <SelectField
        id={fieldId(`rating-${dimension}`, 'rating')}
        label={t('dossier.rateDimension', { key: dimension })}
        {...form.register('rating', {
          onChange: (e: { target: { value: string } }) =>
            autosave({ dimensions: [{ dimension, rating: toEffect(e.target.value) }] }),
        })}
      >
        {!rated && <option value="">{t('autosave.chooseRating')}</option>}
        {EFFECTS.map((x) => (
          <option key={String(x)} value={String(x)}>
            {label('effect', String(x))}
          </option>
        ))}
      </SelectField>
      <SaveState status={status} error={error} />
    </div>
  );
}

function Risks({
  content,
  editable,
  save,
}: {
  content: Schemas['AssessmentContentResponse'] | null | undefined;
  editable: boolean;
  save: (patch: AssessmentPatch) => Promise<void>;
}) {
  const { t, label } = useI18n();
  const risks = content?.risks ?? [];
  return (
    <section aria-labelledby="risks-title" className="risks">
      <h3 id="risks-title">{t('dossier.risks')}</h3>
      {risks.length === 0 ? (
        <Empty>{t('dossier.noRisks')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('dossier.risks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dossier.risk')}</th>
                <th scope="col">{t('dossier.affectedGroup')}</th>
                <th scope="col">{t('dossier.likelihood')}</th>
                <th scope="col">{t('dossier.severity')}</th>
                <th scope="col">{t('dossier.mitigation')}</th>
                <th scope="col">{t('dossier.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {risks.map((r) => (
                <tr key={r.id}>
                  <td>{r.risk}</td>
                  <td>{r.affectedGroup}</td>
                  <td>{label('level', r.likelihood)}</td>
                  <td>{label('level', r.severity)}</td>
                  <td>{r.mitigation}</td>
                  <td>{r.owner}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editable && <AddRisk risks={risks} save={save} />}
    </section>
  );
}

/**
 * A required text: refused at the field with its own name in the message, so the error summary
 * says which field it is.
 */
function required(t: ReturnType<typeof useI18n>['t'], field: string) {
  return {
    validate: (value: unknown) =>
      (typeof value === 'string' && value.trim() !== '') || t('dossier.fieldRequired', { field }),
  };
}

/** A react-hook-form form with the error summary: `attempt` moves the focus to it. */
function useSummary() {
  const [attempt, setAttempt] = useState(0);
  return { attempt, failed: () => setAttempt((n) => n + 1) };
}

const LEVELS = ['low', 'medium', 'high'] as const;
type Level = (typeof LEVELS)[number];
type RiskValues = {
  risk: string;
  affectedGroup: string;
  likelihood: Level;
  severity: Level;
  mitigation: string;
  owner: string;
};
const RISK_FORM = 'risk';

/** Adds a risk; saved through the assessment's queue, after any answer still being saved. */
function AddRisk({
  risks,
  save,
}: {
  risks: Schemas['RiskResponse'][];
  save: (patch: AssessmentPatch) => Promise<void>;
}) {
  const { t, label } = useI18n();
  const empty: RiskValues = {
    risk: '',
    affectedGroup: '',
    likelihood: 'medium',
    severity: 'medium',
    mitigation: '',
    owner: '',
  };
  const form = useForm<RiskValues>({ defaultValues: empty, shouldFocusError: false });
  const summary = useSummary();
  const [open, setOpen] = useState(false);
  const add = useMutation(async (risk: RiskValues) => {
    await save({ risks: [...risks, risk] });
    form.reset(empty);
    setOpen(false);
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => void add.submit(values), summary.failed);
  const text = (key: 'risk' | 'affectedGroup' | 'owner') => (
    <TextField
      id={fieldId(RISK_FORM, key)}
      label={t(`dossier.${key}`)}
      error={errors[key]?.message}
      {...form.register(key, required(t, t(`dossier.${key}`)))}
    />
  );
  return (
    <details
      className="action"
      id="add-risk"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('dossier.addRisk')}</summary>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          items={summaryOf(RISK_FORM, errors, Object.keys(empty))}
          attempt={summary.attempt}
        />
        {text('risk')}
        {text('affectedGroup')}
        <div className="grid-2">
          {(['likelihood', 'severity'] as const).map((key) => (
            <SelectField
              key={key}
              id={fieldId(RISK_FORM, key)}
              label={t(`dossier.${key}`)}
              {...form.register(key)}
            >
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {label('level', l)}
                </option>
              ))}
            </SelectField>
          ))}
        </div>
        <TextArea
          id={fieldId(RISK_FORM, 'mitigation')}
          label={t('dossier.mitigation')}
          error={errors.mitigation?.message}
          {...form.register('mitigation', required(t, t('dossier.mitigation')))}
        />
        {text('owner')}
        <ErrorAlert error={add.error} />
        <button type="submit" className="button button-primary" aria-busy={add.busy || undefined}>
          {t('dossier.addRisk')}
        </button>
      </form>
    </details>
  );
}

function SectionTexts({
  questionnaire,
  content,
  editable,
  save,
}: {
  questionnaire: Questionnaire;
  content: Schemas['AssessmentContentResponse'] | null | undefined;
  editable: boolean;
  save: (patch: AssessmentPatch) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const sections: Array<{
    id: 'dpia' | 'fria';
    items: Questionnaire['dpia'];
    values: Record<string, unknown> | null | undefined;
  }> = [
    {
      id: 'dpia',
      items: questionnaire.dpia,
      values: content?.dpia,
    },
    {
      id: 'fria',
      items: questionnaire.fria,
      values: content?.fria,
    },
  ];
  return (
    <>
      {sections
        .filter((s) => s.items && (s.values || editable))
        .map((s) =>
          editable ? (
            <SectionForm
              key={s.id}
              id={s.id}
              items={s.items ?? []}
              values={s.values ?? {}}
              save={save}
            />
          ) : (
            <section key={s.id} aria-labelledby={`${s.id}-title`}>
              <h3 id={`${s.id}-title`}>{t(`dossier.${s.id}`)}</h3>
              <dl className="contents">
                {(s.items ?? []).map((item) => (
                  <div key={item.id}>
                    <dt>{item.text[lang]}</dt>
                    <dd>{formatValue(s.values?.[item.field])}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ),
        )}
    </>
  );
}

/** The DPIA or FRIA texts: each saved by itself when it is left, like the answers. */
function SectionForm({
  id,
  items,
  values,
  save,
}: {
  id: 'dpia' | 'fria';
  items: NonNullable<Questionnaire['dpia']>;
  values: Record<string, unknown>;
  save: (patch: AssessmentPatch) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const form = useForm<Record<string, string>>({
    defaultValues: Object.fromEntries(
      items.map((i) => [
        i.field,
        typeof values[i.field] === 'string' ? (values[i.field] as string) : '',
      ]),
    ),
  });
  const saved = useRef(form.getValues());
  const [status, error, autosave] = useAutosave(save);
  const saveField = (field: string) => {
    const value = form.getValues(field) ?? '';
    if (value === (saved.current[field] ?? '')) {
      return;
    }
    saved.current = { ...saved.current, [field]: value };
    // An emptied text clears the field on the server.
    autosave({ [id]: { [field]: value } });
  };
  return (
    <section aria-labelledby={`${id}-title`} data-autosave>
      <h3 id={`${id}-title`}>{t(`dossier.${id}`)}</h3>
      <div className="form">
        {items.map((item) => (
          <TextArea
            key={item.id}
            id={fieldId(id, item.field)}
            label={`${item.text[lang]}${item.required ? '' : ` (${t('dossier.optional')})`}`}
            {...form.register(item.field, { onBlur: () => saveField(item.field) })}
          />
        ))}
        <SaveState status={status} error={error} />
      </div>
    </section>
  );
}

function OversightSection({ aiCase }: { aiCase: CaseResponse }) {
  const { t, label, day } = useI18n();
  const queryClient = useQueryClient();
  const oversight = useQuery({
    queryKey: keys.case(aiCase.id, 'oversight'),
    queryFn: async () =>
      unwrap(
        api.GET('/cases/{caseId}/oversight', { params: { path: { caseId: aiCase.id } } }),
      ).catch((e: unknown) => (isNotFound(e) ? null : Promise.reject(e as Error))),
  });
  return (
    <section className="card" aria-labelledby="oversight-title">
      <div className="section-head">
        <h2 id="oversight-title">{t('dossier.oversight')}</h2>
        {oversight.data && (
          <Badge tone={oversight.data.complete ? 'ok' : 'warn'}>
            {oversight.data.complete ? t('dossier.complete') : t('dossier.incomplete')}
          </Badge>
        )}
      </div>
      <ErrorAlert error={oversight.error} />
      {aiCase.yourSide === 'employer' && oversight.data !== undefined && (
        <OversightForm
          caseId={aiCase.id}
          current={oversight.data}
          onSaved={(next) => queryClient.setQueryData(keys.case(aiCase.id, 'oversight'), next)}
        />
      )}
      {oversight.data === undefined ? (
        <Loading />
      ) : oversight.data === null ? (
        <Empty>{t('dossier.noOversight')}</Empty>
      ) : (
        <>
          <ul className="plain-list overseers">
            {oversight.data.overseers.map((o, i) => (
              <li key={`${o.name}-${i}`}>
                <strong>{o.name}</strong>, {o.role} · {label('authority', o.authority)} ·{' '}
                {t('dossier.hoursPerWeek', { hours: o.hoursPerWeek })}{' '}
                <Badge tone={o.trained ? 'ok' : 'warn'}>
                  {o.trained ? t('dossier.trained') : t('dossier.notTrained')}
                </Badge>
              </li>
            ))}
          </ul>
          <dl className="contents">
            <div>
              <dt>{t('dossier.knowledge')}</dt>
              <dd>{oversight.data.knowledgeAndTraining}</dd>
            </div>
            <div>
              <dt>{t('dossier.escalation')}</dt>
              <dd>{oversight.data.escalationPath}</dd>
            </div>
            <div>
              <dt>{t('dossier.complaints')}</dt>
              <dd>
                {oversight.data.complaintProcedure.contact} —{' '}
                {oversight.data.complaintProcedure.explanation}
              </dd>
            </div>
            <div>
              <dt>{t('dossier.logRetention')}</dt>
              <dd>{t('dossier.months', { months: oversight.data.logRetentionMonths })}</dd>
            </div>
            <div>
              <dt>{t('dossier.reviewDate')}</dt>
              <dd>{day(oversight.data.reviewDate)}</dd>
            </div>
          </dl>
          {oversight.data.missing.length > 0 && (
            <p className="alert alert-warn">
              {t('dossier.missing')}:{' '}
              {oversight.data.missing.map((m) => label('oversightMissing', m)).join(', ')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

type OversightInput = Schemas['PutOversightDto'];
type OversightValues = Omit<OversightInput, 'version'>;
const AUTHORITIES = ['both', 'override', 'stop'] as const;
const MODELS = [
  'single_reviewer',
  'multiple_reviewers',
  'combined_with_other_information',
  'documented_no_human_value',
] as const;
const OVERSIGHT_FORM = 'oversight';

/** A day `days` after `day` (YYYY-MM-DD), for the forms' default dates. */
function daysAfter(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function OversightForm({
  caseId,
  current,
  onSaved,
}: {
  caseId: string;
  current: Schemas['OversightResponse'] | null;
  onSaved: (next: Schemas['OversightResponse']) => void;
}) {
  const { t, label } = useI18n();
  const [open, setOpen] = useState(false);
  const form = useForm<OversightValues>({
    defaultValues: {
      oversightModel: current?.oversightModel ?? 'single_reviewer',
      overseers: current?.overseers.map((o) => ({
        name: o.name,
        role: o.role,
        authority: o.authority,
        hoursPerWeek: o.hoursPerWeek,
        ...(o.userId ? { userId: o.userId } : {}),
      })) ?? [{ name: '', role: '', authority: 'both', hoursPerWeek: 2 }],
      knowledgeAndTraining: current?.knowledgeAndTraining ?? '',
      escalationPath: current?.escalationPath ?? '',
      complaintProcedure: {
        contact: current?.complaintProcedure.contact ?? '',
        explanation: current?.complaintProcedure.explanation ?? '',
      },
      logRetentionMonths: current?.logRetentionMonths ?? 6,
      // A yearly review unless the employer plans another date.
      reviewDate: current?.reviewDate ?? daysAfter(todayInAmsterdam(), 365),
    },
    shouldFocusError: false,
  });
  const overseers = useFieldArray({ control: form.control, name: 'overseers' });
  const summary = useSummary();
  const i18n = useI18n();
  const save = useMutation(async (values: OversightValues) => {
    const next = await unwrap(
      api.PUT('/cases/{caseId}/oversight', {
        params: { path: { caseId } },
        body: {
          ...values,
          overseers: values.overseers.map((o) => ({ ...o, hoursPerWeek: Number(o.hoursPerWeek) })),
          logRetentionMonths: Number(values.logRetentionMonths),
          version: current?.version ?? 0,
        },
      }),
    ).catch((error: unknown) => {
      const fields = serverFieldErrors(i18n, error);
      for (const { path, message } of fields) {
        form.setError(path as FieldPath<OversightValues>, { type: 'server', message });
      }
      if (fields.length > 0) {
        summary.failed();
      }
      throw error;
    });
    onSaved(next);
    setOpen(false);
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => void save.submit(values), summary.failed);
  const order = [
    'oversightModel',
    ...overseers.fields.flatMap((_, i) => [`overseers.${i}.name`, `overseers.${i}.role`]),
    'knowledgeAndTraining',
    'escalationPath',
    'complaintProcedure.contact',
    'complaintProcedure.explanation',
    'logRetentionMonths',
    'reviewDate',
  ];
  const items = summaryOf(OVERSIGHT_FORM, errors, order);
  return (
    <details
      className="action"
      id="oversight-form"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{current ? t('dossier.editOversight') : t('dossier.createOversight')}</summary>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary items={items} attempt={summary.attempt} />
        <SelectField
          id={fieldId(OVERSIGHT_FORM, 'oversightModel')}
          label={t('dossier.oversightModel')}
          {...form.register('oversightModel')}
        >
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {label('oversightModel', m)}
            </option>
          ))}
        </SelectField>
        {overseers.fields.map((o, i) => (
          <fieldset key={o.id}>
            <legend>{t('dossier.overseer', { n: i + 1 })}</legend>
            <div className="grid-2">
              <TextField
                id={fieldId(OVERSIGHT_FORM, `overseers.${i}.name`)}
                label={t('dossier.person')}
                error={errors.overseers?.[i]?.name?.message}
                {...form.register(`overseers.${i}.name`, required(t, t('dossier.person')))}
              />
              <TextField
                id={fieldId(OVERSIGHT_FORM, `overseers.${i}.role`)}
                label={t('dossier.overseerRole')}
                error={errors.overseers?.[i]?.role?.message}
                {...form.register(`overseers.${i}.role`, required(t, t('dossier.overseerRole')))}
              />
              <SelectField
                id={fieldId(OVERSIGHT_FORM, `overseers.${i}.authority`)}
                label={t('dossier.authority')}
                {...form.register(`overseers.${i}.authority`)}
              >
                {AUTHORITIES.map((a) => (
                  <option key={a} value={a}>
                    {label('authority', a)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id={fieldId(OVERSIGHT_FORM, `overseers.${i}.hoursPerWeek`)}
                label={t('dossier.hoursLabel')}
                type="number"
                min={0}
                step={0.5}
                {...form.register(`overseers.${i}.hoursPerWeek`, { valueAsNumber: true })}
              />
            </div>
          </fieldset>
        ))}
        <Button
          variant="link"
          onClick={() =>
            overseers.append({ name: '', role: '', authority: 'both', hoursPerWeek: 2 })
          }
        >
          {t('dossier.addOverseer')}
        </Button>
        <TextArea
          id={fieldId(OVERSIGHT_FORM, 'knowledgeAndTraining')}
          label={t('dossier.knowledge')}
          error={errors.knowledgeAndTraining?.message}
          {...form.register('knowledgeAndTraining', required(t, t('dossier.knowledge')))}
        />
        <TextField
          id={fieldId(OVERSIGHT_FORM, 'escalationPath')}
          label={t('dossier.escalation')}
          error={errors.escalationPath?.message}
          {...form.register('escalationPath', required(t, t('dossier.escalation')))}
        />
        <TextField
          id={fieldId(OVERSIGHT_FORM, 'complaintProcedure.contact')}
          label={t('dossier.complaintContact')}
          error={errors.complaintProcedure?.contact?.message}
          {...form.register(
            'complaintProcedure.contact',
            required(t, t('dossier.complaintContact')),
          )}
        />
        <TextArea
          id={fieldId(OVERSIGHT_FORM, 'complaintProcedure.explanation')}
          label={t('dossier.complaintExplanation')}
          error={errors.complaintProcedure?.explanation?.message}
          {...form.register(
            'complaintProcedure.explanation',
            required(t, t('dossier.complaintExplanation')),
          )}
        />
        <div className="grid-2">
          <TextField
            id={fieldId(OVERSIGHT_FORM, 'logRetentionMonths')}
            label={t('dossier.logRetentionLabel')}
            type="number"
            min={6}
            error={errors.logRetentionMonths?.message}
            {...form.register('logRetentionMonths', {
              valueAsNumber: true,
              min: { value: 6, message: t('field.min', { limit: 6 }) },
            })}
          />
          <TextField
            id={fieldId(OVERSIGHT_FORM, 'reviewDate')}
            label={t('dossier.reviewDate')}
            type="date"
            error={errors.reviewDate?.message}
            {...form.register('reviewDate', required(t, t('dossier.reviewDate')))}
          />
        </div>
        {save.error !== undefined && items.length === 0 && <ErrorAlert error={save.error} />}
        <button type="submit" className="button button-primary" aria-busy={save.busy || undefined}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}

function TrainingSection({ aiCase }: { aiCase: CaseResponse }) {
  const { t, label, day } = useI18n();
  const queryClient = useQueryClient();
  const plan = useQuery({
    queryKey: keys.case(aiCase.id, 'training'),
    queryFn: async () =>
      unwrap(
        api.GET('/cases/{caseId}/training-plan', { params: { path: { caseId: aiCase.id } } }),
      ).catch((e: unknown) => (isNotFound(e) ? null : Promise.reject(e as Error))),
  });
  return (
    <section className="card" aria-labelledby="training-title">
      <h2 id="training-title">{t('dossier.training')}</h2>
      <ErrorAlert error={plan.error} />
      {plan.data === undefined ? (
        <Loading />
      ) : plan.data === null ? (
        <Empty>{t('dossier.noTraining')}</Empty>
      ) : (
        <>
          <h3>{t('dossier.progress')}</h3>
          <ul className="plain-list progress-list">
            {plan.data.progress.map((p) => (
              <li key={p.audience} data-audience={p.audience}>
                <span className="progress-label" id={`progress-${p.audience}`}>
                  {label('audience', p.audience)}:{' '}
                  {t('dossier.completedOf', { done: p.completed, total: p.people })}
                </span>
                <progress max={100} value={p.percent} aria-labelledby={`progress-${p.audience}`}>
                  {p.percent}%
                </progress>
                <span className="small"> {p.percent}%</span>
              </li>
            ))}
          </ul>
          <h3>{t('dossier.modules')}</h3>
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('dossier.modules')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dossier.module')}</th>
                  <th scope="col">{t('dossier.audience')}</th>
                  <th scope="col">{t('dossier.hours')}</th>
                  <th scope="col">{t('dossier.deadline')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.data.modules.map((m) => (
                  <tr key={m.key}>
                    <td>
                      {m.title}{' '}
                      <span className="muted small">
                        ({label('moduleType', m.type)}, {m.provider})
                      </span>
                    </td>
                    <td>{label('audience', m.audience)}</td>
                    <td>{m.hours}</td>
                    <td>{day(m.deadline)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {aiCase.yourSide === 'employer' && plan.data.modules.length > 0 && (
            <CompletionForm
              caseId={aiCase.id}
              modules={plan.data.modules}
              onDone={() => void plan.refetch()}
            />
          )}
        </>
      )}
      {aiCase.yourSide === 'employer' && plan.data !== undefined && (
        <ModuleForm
          caseId={aiCase.id}
          plan={plan.data}
          onSaved={(next) => queryClient.setQueryData(keys.case(aiCase.id, 'training'), next)}
        />
      )}
    </section>
  );
}

type Audience = Schemas['AudienceDto']['audience'];
type ModuleType = Schemas['TrainingModuleDto']['type'];
const AUDIENCES: readonly Audience[] = [
  'overseers',
  'affected_staff',
  'council_members',
  'managers',
  'hr',
  'ict',
  'other',
];
const MODULE_TYPES: readonly ModuleType[] = [
  'instruction',
  'tool_training',
  'ai_literacy',
  'upskilling',
  'reskilling',
  'career_path',
];

type ModuleValues = {
  title: string;
  audience: Audience;
  type: ModuleType;
  hours: number;
  provider: string;
  deadline: string;
};
const MODULE_FORM = 'module';

/**
 * Adds a module to the training plan (the plan is saved whole: audiences and modules). The first
 * module is for the overseers, whom the checklist asks training for; the deadline defaults to
 * four weeks ahead.
 */
function ModuleForm({
  caseId,
  plan,
  onSaved,
}: {
  caseId: string;
  plan: Schemas['TrainingPlanResponse'] | null;
  onSaved: (next: Schemas['TrainingPlanResponse']) => void;
}) {
  const { t, label } = useI18n();
  const empty = (): ModuleValues => ({
    title: '',
    audience: (plan?.modules ?? []).some((x) => x.audience === 'overseers')
      ? 'affected_staff'
      : 'overseers',
    type: 'tool_training',
    hours: 4,
    provider: '',
    deadline: daysAfter(todayInAmsterdam(), 28),
  });
  const form = useForm<ModuleValues>({ defaultValues: empty(), shouldFocusError: false });
  const summary = useSummary();
  const [open, setOpen] = useState(false);
  const save = useMutation(async (m: ModuleValues) => {
    const audiences: Schemas['AudienceDto'][] = (plan?.audiences ?? []).map((a) => ({
      audience: a.audience,
      ...(a.description ? { description: a.description } : {}),
      ...(a.headcount !== undefined ? { headcount: a.headcount } : {}),
      ...(a.audience !== 'overseers'
        ? {
            people: a.people.map((p) => ({
              name: p.name,
              ...(p.userId ? { userId: p.userId } : {}),
            })),
          }
        : {}),
    }));
    if (!audiences.some((a) => a.audience === m.audience)) {
      audiences.push({ audience: m.audience });
    }
    const key = `${
      m.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) || 'module'
    }-${(plan?.modules.length ?? 0) + 1}`;
    const modules: Schemas['TrainingModuleDto'][] = [
      ...(plan?.modules ?? []).map((x) => ({
        key: x.key,
        title: x.title,
        audience: x.audience,
        type: x.type,
        hours: x.hours,
        provider: x.provider,
        deadline: x.deadline,
        duringWorkingTime: x.duringWorkingTime,
        costToEmployee: x.costToEmployee,
      })),
      {
        key,
        title: m.title.trim(),
        audience: m.audience,
        type: m.type,
        hours: Number(m.hours),
        provider: m.provider.trim(),
        deadline: m.deadline,
      },
    ];
    const next = await unwrap(
      api.PUT('/cases/{caseId}/training-plan', {
        params: { path: { caseId } },
        body: { version: plan?.version ?? 0, audiences, modules },
      }),
    );
    onSaved(next);
    form.reset(empty());
    setOpen(false);
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => void save.submit(values), summary.failed);
  return (
    <details
      className="action"
      id="add-module"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('dossier.addModule')}</summary>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          items={summaryOf(MODULE_FORM, errors, ['title', 'hours', 'deadline', 'provider'])}
          attempt={summary.attempt}
        />
        <TextField
          id={fieldId(MODULE_FORM, 'title')}
          label={t('dossier.module')}
          error={errors.title?.message}
          {...form.register('title', required(t, t('dossier.module')))}
        />
        <div className="grid-2">
          <SelectField
            id={fieldId(MODULE_FORM, 'audience')}
            label={t('dossier.audience')}
            {...form.register('audience')}
          >
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {label('audience', a)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={fieldId(MODULE_FORM, 'type')}
            label={t('dossier.moduleType')}
            {...form.register('type')}
          >
            {MODULE_TYPES.map((x) => (
              <option key={x} value={x}>
                {label('moduleType', x)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={fieldId(MODULE_FORM, 'hours')}
            label={t('dossier.hours')}
            type="number"
            min={0}
            step={0.5}
            error={errors.hours?.message}
            {...form.register('hours', {
              valueAsNumber: true,
              min: { value: 0, message: t('field.min', { limit: 0 }) },
            })}
          />
          <TextField
            id={fieldId(MODULE_FORM, 'deadline')}
            label={t('dossier.deadline')}
            type="date"
            error={errors.deadline?.message}
            {...form.register('deadline', required(t, t('dossier.deadline')))}
          />
        </div>
        <TextField
          id={fieldId(MODULE_FORM, 'provider')}
          label={t('dossier.provider')}
          error={errors.provider?.message}
          {...form.register('provider', required(t, t('dossier.provider')))}
        />
        <ErrorAlert error={save.error} />
        <button type="submit" className="button button-primary" aria-busy={save.busy || undefined}>
          {t('dossier.addModule')}
        </button>
      </form>
    </details>
  );
}

type CompletionValues = { moduleKey: string; name: string; completedOn: string };
const COMPLETION_FORM = 'completion';

function CompletionForm({
  caseId,
  modules,
  onDone,
}: {
  caseId: string;
  modules: Schemas['TrainingModuleResponse'][];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const form = useForm<CompletionValues>({
    defaultValues: { moduleKey: modules[0]?.key ?? '', name: '', completedOn: todayInAmsterdam() },
    shouldFocusError: false,
  });
  const summary = useSummary();
  const record = useMutation(async (values: CompletionValues) => {
    await unwrap(
      api.POST('/cases/{caseId}/training-plan/completions', {
        params: { path: { caseId } },
        body: { ...values, name: values.name.trim() },
      }),
    );
    form.reset({ ...values, name: '' });
    onDone();
  });
  const { errors } = form.formState;
  const onSubmit = form.handleSubmit((values) => void record.submit(values), summary.failed);
  return (
    <details className="action">
      <summary>{t('dossier.recordCompletion')}</summary>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <ErrorSummary
          items={summaryOf(COMPLETION_FORM, errors, ['moduleKey', 'name', 'completedOn'])}
          attempt={summary.attempt}
        />
        <SelectField
          id={fieldId(COMPLETION_FORM, 'moduleKey')}
          label={t('dossier.module')}
          {...form.register('moduleKey')}
        >
          {modules.map((m) => (
            <option key={m.key} value={m.key}>
              {m.title}
            </option>
          ))}
        </SelectField>
        <TextField
          id={fieldId(COMPLETION_FORM, 'name')}
          label={t('dossier.person')}
          error={errors.name?.message}
          {...form.register('name', required(t, t('dossier.person')))}
        />
        <TextField
          id={fieldId(COMPLETION_FORM, 'completedOn')}
          label={t('dossier.completedOn')}
          type="date"
          error={errors.completedOn?.message}
          {...form.register('completedOn', required(t, t('dossier.completedOn')))}
        />
        <ErrorAlert error={record.error} />
        <button
          type="submit"
          className="button button-primary"
          aria-busy={record.busy || undefined}
        >
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}

function isNotFound(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { status?: number }).status === 404
  );
}
