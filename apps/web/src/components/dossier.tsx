import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useRef, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import type { Side } from '../domain';
import { formatValue, todayInAmsterdam } from '../format';
import { useI18n } from '../i18n';
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
): (patch: AssessmentPatch) => Promise<void> {
  const version = useRef(assessment.version);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  if (pending.current === 0) {
    version.current = assessment.version;
  }
  return useCallback(
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
                <span className="muted small"> · {humanDetail(item.detail, label)}</span>
              )}{' '}
              <Sources sources={item.sources} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `unanswered:A1,B2;unrated:C` → readable text. */
function humanDetail(detail: string, label: (group: string, value: string) => string): string {
  return detail
    .split(';')
    .map((part) => {
      const [kind, list] = part.split(':');
      // `missing:` lists request fields (`regeling_text`): their names, never the raw keys.
      const items = list
        ?.split(',')
        .map((item) => (kind === 'missing' ? label('missing', item) : item));
      return items ? `${label('detail', kind)}: ${items.join(', ')}` : label('detail', kind);
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
        unwrap(api.GET('/cases/{caseId}/assessment/comments', { params: { path: { caseId } } })),
      ]);
      return { assessment, questionnaire, comments };
    },
  });
  const submit = useMutation(async () => {
    if (data.data) {
      await unwrap(
        api.POST('/cases/{caseId}/assessment/submissions', {
          params: { path: { caseId } },
          body: { version: data.data.assessment.version },
        }),
      );
      await data.refetch();
    }
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
      submit={submit}
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
  submit,
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
  submit: { busy: boolean; error: unknown; submit: () => Promise<unknown> };
  refetch: () => void;
}) {
  const { t, lang, dateTime } = useI18n();
  const caseId = aiCase.id;
  const save = useAssessmentSaver(caseId, assessment, refetch);
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
            <Button busy={submit.busy} onClick={() => void submit.submit()}>
              {t('dossier.submit')}
            </Button>
          )}
        </div>
      </div>
      <ErrorAlert error={submit.error} />
      {editable && <p className="hint">{t('autosave.lead')}</p>}
      {questionnaire.dimensions.map((dimension) => {
        const rating = content?.dimensions.find((d) => d.dimension === dimension.key);
        const answered = dimension.questions.filter((q) =>
          content?.answers.some((a) => a.questionId === q.id && a.answer),
        ).length;
        return (
          <details key={dimension.key} className="dimension" data-dimension={dimension.key}>
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
                assessment={assessment}
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
          </details>
        );
      })}
      <Risks
        content={content}
        caseId={caseId}
        assessment={assessment}
        editable={editable}
        onChanged={refetch}
      />
      <SectionTexts
        questionnaire={questionnaire}
        content={content}
        caseId={caseId}
        assessment={assessment}
        editable={editable}
        onChanged={refetch}
      />
    </section>
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

function QuestionBlock({
  caseId,
  assessment,
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
  assessment: Assessment;
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
  const [text, setText] = useState(answer?.answer ?? '');
  const [effect, setEffect] = useState<Effect>(answer?.effect ?? 0);
  const [mitigation, setMitigation] = useState(answer?.mitigation ?? '');
  const [comment, setComment] = useState('');
  const [status, saveError, autosave] = useAutosave(saveAssessment);
  void assessment;
  // Saved when the answer is left or the effect chosen; an empty answer is not saved.
  const saveNow = (next: { text?: string; effect?: Effect; mitigation?: string } = {}) => {
    const answerText = next.text ?? text;
    const answerEffect = next.effect ?? effect;
    const answerMitigation = next.mitigation ?? mitigation;
    if (!answerText.trim()) {
      return;
    }
    autosave({
      answers: [
        {
          questionId: question.id as QuestionId,
          answer: answerText,
          effect: answerEffect,
          ...(answerMitigation ? { mitigation: answerMitigation } : {}),
        },
      ],
    });
  };
  const addComment = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/assessment/comments', {
        params: { path: { caseId } },
        body: { questionId: question.id as CommentTarget, body: comment.trim() },
      }),
    );
    setComment('');
    onChanged();
  });
  return (
    <div className="question" data-question={question.id}>
      <p className="question-text">
        <strong>{question.id}</strong> {question.text[lang]} <Sources sources={question.sources} />
      </p>
      {editable ? (
        <div className="answer-form" data-autosave>
          <TextArea
            label={t('dossier.answer')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onBlur={(e) => {
              if (e.target.value !== (answer?.answer ?? '')) {
                saveNow({ text: e.target.value });
              }
            }}
          />
          <SelectField
            label={t('dossier.effect')}
            value={String(effect)}
            onChange={(e) => {
              const next: Effect =
                e.target.value === 'unknown' ? 'unknown' : Number(e.target.value);
              setEffect(next);
              saveNow({ effect: next });
            }}
          >
            {EFFECTS.map((x) => (
              <option key={String(x)} value={String(x)}>
                {label('effect', String(x))}
              </option>
            ))}
          </SelectField>
          {typeof effect === 'number' && effect < 0 && (
            <TextArea
              label={t('dossier.mitigation')}
              value={mitigation}
              onChange={(e) => setMitigation(e.target.value)}
              onBlur={(e) => {
                if (e.target.value !== (answer?.mitigation ?? '')) {
                  saveNow({ mitigation: e.target.value });
                }
              }}
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
          {canComment && (
            <form
              className="comment-form"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void addComment.submit();
              }}
            >
              <TextArea
                label={t('dossier.addComment', { id: question.id })}
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <ErrorAlert error={addComment.error} />
              <button
                type="submit"
                className="button button-secondary"
                disabled={addComment.busy || !comment.trim()}
              >
                {t('dossier.postComment')}
              </button>
            </form>
          )}
        </div>
      )}
    </div>
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
  const [rating, setRating] = useState<Effect | undefined>(current);
  const [status, error, autosave] = useAutosave(save);
  return (
    <div className="inline-form" data-autosave>
      <SelectField
        label={t('dossier.rateDimension', { key: dimension })}
        value={rating === undefined ? '' : String(rating)}
        onChange={(e) => {
          const next: Effect = e.target.value === 'unknown' ? 'unknown' : Number(e.target.value);
          setRating(next);
          autosave({ dimensions: [{ dimension, rating: next }] });
        }}
      >
        {rating === undefined && <option value="">{t('autosave.chooseRating')}</option>}
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

interface EditProps {
  caseId: string;
  assessment: Assessment;
  editable: boolean;
  onChanged: () => void;
}

function Risks({
  content,
  caseId,
  assessment,
  editable,
  onChanged,
}: { content: Schemas['AssessmentContentResponse'] | null | undefined } & EditProps) {
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
      {editable && (
        <AddRisk caseId={caseId} assessment={assessment} risks={risks} onChanged={onChanged} />
      )}
    </section>
  );
}

const LEVELS = ['low', 'medium', 'high'] as const;
type Level = (typeof LEVELS)[number];

function AddRisk({
  caseId,
  assessment,
  risks,
  onChanged,
}: {
  caseId: string;
  assessment: Assessment;
  risks: Schemas['RiskResponse'][];
  onChanged: () => void;
}) {
  const { t, label } = useI18n();
  const empty = {
    risk: '',
    affectedGroup: '',
    likelihood: 'medium' as Level,
    severity: 'medium' as Level,
    mitigation: '',
    owner: '',
  };
  const [risk, setRisk] = useState(empty);
  const [open, setOpen] = useState(false);
  const add = useMutation(async () => {
    await unwrap(
      api.PATCH('/cases/{caseId}/assessment', {
        params: { path: { caseId } },
        body: { version: assessment.version, risks: [...risks, risk] },
      }),
    );
    setRisk(empty);
    setOpen(false);
    onChanged();
  });
  const set = (key: keyof typeof empty, value: string) => setRisk((r) => ({ ...r, [key]: value }));
  return (
    <details
      className="action"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('dossier.addRisk')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void add.submit();
        }}
      >
        <TextField
          label={t('dossier.risk')}
          value={risk.risk}
          onChange={(e) => set('risk', e.target.value)}
          required
        />
        <TextField
          label={t('dossier.affectedGroup')}
          value={risk.affectedGroup}
          onChange={(e) => set('affectedGroup', e.target.value)}
          required
        />
        <div className="grid-2">
          {(['likelihood', 'severity'] as const).map((key) => (
            <SelectField
              key={key}
              label={t(`dossier.${key}`)}
              value={risk[key]}
              onChange={(e) => set(key, e.target.value)}
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
          label={t('dossier.mitigation')}
          value={risk.mitigation}
          onChange={(e) => set('mitigation', e.target.value)}
          required
        />
        <TextField
          label={t('dossier.owner')}
          value={risk.owner}
          onChange={(e) => set('owner', e.target.value)}
          required
        />
        <ErrorAlert error={add.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={add.busy || !risk.risk.trim()}
        >
          {t('dossier.addRisk')}
        </button>
      </form>
    </details>
  );
}

function SectionTexts({
  questionnaire,
  content,
  caseId,
  assessment,
  editable,
  onChanged,
}: {
  questionnaire: Questionnaire;
  content: Schemas['AssessmentContentResponse'] | null | undefined;
} & EditProps) {
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
              caseId={caseId}
              assessment={assessment}
              onChanged={onChanged}
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

function SectionForm({
  id,
  items,
  values,
  caseId,
  assessment,
  onChanged,
}: {
  id: 'dpia' | 'fria';
  items: NonNullable<Questionnaire['dpia']>;
  values: Record<string, unknown>;
  caseId: string;
  assessment: Assessment;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      items.map((i) => [
        i.field,
        typeof values[i.field] === 'string' ? (values[i.field] as string) : '',
      ]),
    ),
  );
  const save = useMutation(async () => {
    const changed = Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim()));
    await unwrap(
      api.PATCH('/cases/{caseId}/assessment', {
        params: { path: { caseId } },
        body: { version: assessment.version, [id]: changed },
      }),
    );
    onChanged();
  });
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t(`dossier.${id}`)}</h3>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save.submit();
        }}
      >
        {items.map((item) => (
          <TextArea
            key={item.id}
            label={`${item.text[lang]}${item.required ? '' : ` (${t('dossier.optional')})`}`}
            value={draft[item.field] ?? ''}
            onChange={(e) => setDraft((d) => ({ ...d, [item.field]: e.target.value }))}
          />
        ))}
        <ErrorAlert error={save.error} />
        <button type="submit" className="button button-secondary" disabled={save.busy}>
          {t('dossier.saveSection', { section: t(`dossier.${id}`) })}
        </button>
      </form>
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
const AUTHORITIES = ['both', 'override', 'stop'] as const;
const MODELS = [
  'single_reviewer',
  'multiple_reviewers',
  'combined_with_other_information',
  'documented_no_human_value',
] as const;

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
  const [v, setV] = useState<Omit<OversightInput, 'version'>>(() => ({
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
    reviewDate: current?.reviewDate ?? '',
  }));
  const save = useMutation(async () => {
    onSaved(
      await unwrap(
        api.PUT('/cases/{caseId}/oversight', {
          params: { path: { caseId } },
          body: { ...v, version: current?.version ?? 0 },
        }),
      ),
    );
    setOpen(false);
  });
  const setOverseer = (index: number, patch: Partial<OversightInput['overseers'][number]>) =>
    setV((x) => ({
      ...x,
      overseers: x.overseers.map((o, i) => (i === index ? { ...o, ...patch } : o)),
    }));
  return (
    <details
      className="action"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{current ? t('dossier.editOversight') : t('dossier.createOversight')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save.submit();
        }}
      >
        <SelectField
          label={t('dossier.oversightModel')}
          value={v.oversightModel}
          onChange={(e) =>
            setV((x) => ({
              ...x,
              oversightModel: e.target.value as OversightInput['oversightModel'],
            }))
          }
        >
          {MODELS.map((m) => (
            <option key={m} value={m}>
              {label('oversightModel', m)}
            </option>
          ))}
        </SelectField>
        {v.overseers.map((o, i) => (
          <fieldset key={i}>
            <legend>{t('dossier.overseer', { n: i + 1 })}</legend>
            <div className="grid-2">
              <TextField
                label={t('dossier.person')}
                value={o.name}
                onChange={(e) => setOverseer(i, { name: e.target.value })}
                required
              />
              <TextField
                label={t('dossier.overseerRole')}
                value={o.role}
                onChange={(e) => setOverseer(i, { role: e.target.value })}
                required
              />
              <SelectField
                label={t('dossier.authority')}
                value={o.authority}
                onChange={(e) =>
                  setOverseer(i, { authority: e.target.value as (typeof AUTHORITIES)[number] })
                }
              >
                {AUTHORITIES.map((a) => (
                  <option key={a} value={a}>
                    {label('authority', a)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('dossier.hoursLabel')}
                type="number"
                min={0}
                step={0.5}
                value={o.hoursPerWeek}
                onChange={(e) => setOverseer(i, { hoursPerWeek: Number(e.target.value) })}
              />
            </div>
          </fieldset>
        ))}
        <Button
          variant="link"
          onClick={() =>
            setV((x) => ({
              ...x,
              overseers: [
                ...x.overseers,
                { name: '', role: '', authority: 'both', hoursPerWeek: 2 },
              ],
            }))
          }
        >
          {t('dossier.addOverseer')}
        </Button>
        <TextArea
          label={t('dossier.knowledge')}
          value={v.knowledgeAndTraining}
          onChange={(e) => setV((x) => ({ ...x, knowledgeAndTraining: e.target.value }))}
          required
        />
        <TextField
          label={t('dossier.escalation')}
          value={v.escalationPath}
          onChange={(e) => setV((x) => ({ ...x, escalationPath: e.target.value }))}
          required
        />
        <TextField
          label={t('dossier.complaintContact')}
          value={v.complaintProcedure.contact}
          onChange={(e) =>
            setV((x) => ({
              ...x,
              complaintProcedure: { ...x.complaintProcedure, contact: e.target.value },
            }))
          }
          required
        />
        <TextArea
          label={t('dossier.complaintExplanation')}
          value={v.complaintProcedure.explanation}
          onChange={(e) =>
            setV((x) => ({
              ...x,
              complaintProcedure: { ...x.complaintProcedure, explanation: e.target.value },
            }))
          }
          required
        />
        <div className="grid-2">
          <TextField
            label={t('dossier.logRetentionLabel')}
            type="number"
            min={6}
            value={v.logRetentionMonths}
            onChange={(e) => setV((x) => ({ ...x, logRetentionMonths: Number(e.target.value) }))}
          />
          <TextField
            label={t('dossier.reviewDate')}
            type="date"
            value={v.reviewDate}
            onChange={(e) => setV((x) => ({ ...x, reviewDate: e.target.value }))}
            required
          />
        </div>
        <ErrorAlert error={save.error} />
        <button type="submit" className="button button-primary" disabled={save.busy}>
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

/** Adds a module to the training plan (the plan is saved whole: audiences and modules). */
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
  const empty = {
    title: '',
    audience: 'overseers' as Audience,
    type: 'tool_training' as ModuleType,
    hours: 4,
    provider: '',
    deadline: '',
  };
  const [m, setM] = useState(empty);
  const [open, setOpen] = useState(false);
  const save = useMutation(async () => {
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
        hours: m.hours,
        provider: m.provider.trim(),
        deadline: m.deadline,
      },
    ];
    onSaved(
      await unwrap(
        api.PUT('/cases/{caseId}/training-plan', {
          params: { path: { caseId } },
          body: { version: plan?.version ?? 0, audiences, modules },
        }),
      ),
    );
    setM(empty);
    setOpen(false);
  });
  return (
    <details
      className="action"
      open={open}
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('dossier.addModule')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save.submit();
        }}
      >
        <TextField
          label={t('dossier.module')}
          value={m.title}
          onChange={(e) => setM((x) => ({ ...x, title: e.target.value }))}
          required
        />
        <div className="grid-2">
          <SelectField
            label={t('dossier.audience')}
            value={m.audience}
            onChange={(e) => setM((x) => ({ ...x, audience: e.target.value as Audience }))}
          >
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {label('audience', a)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('dossier.moduleType')}
            value={m.type}
            onChange={(e) => setM((x) => ({ ...x, type: e.target.value as ModuleType }))}
          >
            {MODULE_TYPES.map((x) => (
              <option key={x} value={x}>
                {label('moduleType', x)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('dossier.hours')}
            type="number"
            min={0}
            step={0.5}
            value={m.hours}
            onChange={(e) => setM((x) => ({ ...x, hours: Number(e.target.value) }))}
          />
          <TextField
            label={t('dossier.deadline')}
            type="date"
            value={m.deadline}
            onChange={(e) => setM((x) => ({ ...x, deadline: e.target.value }))}
            required
          />
        </div>
        <TextField
          label={t('dossier.provider')}
          value={m.provider}
          onChange={(e) => setM((x) => ({ ...x, provider: e.target.value }))}
          required
        />
        <ErrorAlert error={save.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={save.busy || !m.title.trim() || !m.deadline}
        >
          {t('dossier.addModule')}
        </button>
      </form>
    </details>
  );
}

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
  const [moduleKey, setModuleKey] = useState(modules[0]?.key ?? '');
  const [name, setName] = useState('');
  const [completedOn, setCompletedOn] = useState(todayInAmsterdam());
  const record = useMutation(async () => {
    await unwrap(
      api.POST('/cases/{caseId}/training-plan/completions', {
        params: { path: { caseId } },
        body: { moduleKey, name: name.trim(), completedOn },
      }),
    );
    setName('');
    onDone();
  });
  return (
    <details className="action">
      <summary>{t('dossier.recordCompletion')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void record.submit();
        }}
      >
        <SelectField
          label={t('dossier.module')}
          value={moduleKey}
          onChange={(e) => setModuleKey(e.target.value)}
        >
          {modules.map((m) => (
            <option key={m.key} value={m.key}>
              {m.title}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('dossier.person')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <TextField
          label={t('dossier.completedOn')}
          type="date"
          value={completedOn}
          onChange={(e) => setCompletedOn(e.target.value)}
        />
        <ErrorAlert error={record.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={record.busy || !name.trim()}
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
