import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { Link, useLocation } from '../router';
import { focusTarget } from './focus-target';
import { ErrorSummary, fieldId, serverFieldErrors, summaryOf } from './form';
import { Button, ErrorAlert, TextArea, TextField, useMutation } from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Track = Schemas['TrackResponse'];
type Missing = Schemas['AllowedActionResponse']['missing'][number];

/** The written request's texts, in the order of WOR art. 25(2)-(3) and 27(2). */
export const REQUEST_FIELDS = [
  'intendedDecision',
  'grounds',
  'reasons',
  'consequencesForStaff',
  'measures',
  'alternatives',
  'planning',
  'regelingText',
] as const;
type RequestField = (typeof REQUEST_FIELDS)[number];

const FILING_TRACKS = ['advice', 'consent'] as const;

/**
 * Where a missing item is put right: its tab, with the element there in focus (the field of the
 * request, the dossier's form); the request's form opens itself for a field (`?focus=`).
 */
export function MissingLink({ caseId, item }: { caseId: string; item: Missing }) {
  const { label } = useI18n();
  const [group, ...rest] = item.labelKey.split('.');
  const tab = item.tab === 'overview' ? `/cases/${caseId}` : `/cases/${caseId}/${item.tab}`;
  return (
    <Link
      to={`${tab}?focus=${encodeURIComponent(item.anchor)}`}
      onClick={() => focusTarget(item.anchor)}
    >
      {label(group ?? 'missing', rest.join('.'))}
    </Link>
  );
}

/**
 * The filing checklist (issue #18): from the first triage on, what the formal request on the
 * advice and consent tracks still needs, exactly as the server's `allowedActions` say, each item
 * a link to where it is done; and the difference between sending the case (early involvement, no
 * term) and filing the request (which starts the term), where the choice is made.
 */
export function FilingChecklist({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, label } = useI18n();
  if (aiCase.yourSide !== 'employer') {
    return null;
  }
  const tracks = FILING_TRACKS.map((kind) => aiCase.tracks.find((tr) => tr.kind === kind)).filter(
    (tr): tr is Track => tr !== undefined,
  );
  const filed = tracks.filter(
    (tr) => !tr.allowedActions.some((a) => a.action === 'submit_request'),
  );
  const toFile = tracks.filter((tr) =>
    tr.allowedActions.some((a) => a.action === 'submit_request'),
  );
  const triaged = aiCase.triage !== null && aiCase.triage !== undefined;
  if (triaged && toFile.length === 0 && filed.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="filing-title" className="card filing" data-testid="filing-checklist">
      <h2 id="filing-title">{t('filing.title')}</h2>
      <p className="hint">{t('filing.sendOrFile')}</p>
      <ol className="filing-steps">
        <li data-step="case" data-done="true">
          {t('filing.stepCase')} <span className="badge badge-ok">{t('filing.done')}</span>
        </li>
        <li data-step="triage" data-done={String(triaged)}>
          {triaged ? (
            <>
              {t('filing.stepTriage')} <span className="badge badge-ok">{t('filing.done')}</span>
            </>
          ) : (
            <Link to={`/cases/${aiCase.id}/triage`}>{t('filing.stepTriage')}</Link>
          )}
        </li>
        <li data-step="send" data-done={String(aiCase.status === 'sent')}>
          {t('filing.stepSend')}{' '}
          {aiCase.status === 'sent' ? (
            <span className="badge badge-ok">{t('filing.done')}</span>
          ) : (
            <span className="muted small">{t('filing.stepSendHint')}</span>
          )}
        </li>
        {tracks.map((track) => (
          <FileTrack key={track.kind} aiCase={aiCase} track={track} onChanged={onChanged} />
        ))}
      </ol>
      {!triaged && <p className="muted small">{t('filing.afterTriage')}</p>}
      {filed.length > 0 && (
        <p className="alert alert-ok" data-testid="filed">
          {filed.map((tr) => label('filing.filed', tr.kind)).join(' ')}
        </p>
      )}
    </section>
  );
}

function FileTrack({
  aiCase,
  track,
  onChanged,
}: {
  aiCase: CaseResponse;
  track: Track;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, label } = useI18n();
  const offer = track.allowedActions.find((a) => a.action === 'submit_request');
  const file = useMutation(async () =>
    onChanged(
      await unwrap(
        api.POST('/cases/{caseId}/tracks/{kind}/transitions', {
          params: { path: { caseId: aiCase.id, kind: track.kind } },
          body: { version: aiCase.version, action: { type: 'submit_request' } },
        }),
      ),
    ),
  );
  if (!offer) {
    return (
      <li data-step={`file-${track.kind}`} data-done="true">
        {label('filing.file', track.kind)}{' '}
        <span className="badge badge-ok">{t('filing.done')}</span>
      </li>
    );
  }
  const missing = offer.missing.filter((m) => m.code !== 'case_sent');
  const waitsForSending = offer.missing.some((m) => m.code === 'case_sent');
  return (
    <li data-step={`file-${track.kind}`} data-done="false" data-ready={String(offer.allowed)}>
      <strong>{label('filing.file', track.kind)}</strong>{' '}
      <span className="muted small">{label('filing.starts', track.kind)}</span>
      {missing.length > 0 ? (
        <>
          <p className="small">{t('filing.stillNeeded', { count: missing.length })}</p>
          <ul className="missing-list">
            {missing.map((m) => (
              <li key={m.code} data-missing={m.code}>
                <MissingLink caseId={aiCase.id} item={m} />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="small">
          {waitsForSending ? t('filing.readyAfterSending') : t('filing.ready')}
        </p>
      )}
      {offer.allowed && (
        <>
          <Button busy={file.busy} onClick={() => void file.submit()}>
            {label('filing.file', track.kind)}
          </Button>
          <ErrorAlert error={file.error} />
        </>
      )}
    </li>
  );
}

interface ContentsValues {
  contents: Record<RequestField, string> & { proposedDecisionDate: string };
}

const CONTENTS_FORM = 'request';

/**
 * The written request; the employer edits it before and after sending. After sending, every change
 * is an amendment (audited as `case.contents_amended`) that both sides read with its diff.
 */
export function RequestContents({
  aiCase,
  onChanged,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
}) {
  const { t, day } = useI18n();
  const editable = aiCase.yourSide === 'employer';
  // A checklist link to one of the request's fields opens the form there.
  const focus = useLocation().query.get('focus') ?? '';
  const toField = editable && focus.startsWith(fieldId(CONTENTS_FORM, 'contents.'));
  const [editing, setEditing] = useState(toField);
  useEffect(() => {
    if (toField) {
      setEditing(true);
    }
  }, [toField, focus]);
  const contents = aiCase.contents as Record<string, string | boolean | undefined>;
  return (
    <section aria-labelledby="request-title" className="card" data-testid="request-contents">
      <div className="section-head">
        <h2 id="request-title">{t('case.request')}</h2>
        {editable && !editing && (
          <Button variant="secondary" onClick={() => setEditing(true)}>
            {aiCase.status === 'sent' ? t('filing.amend') : t('filing.edit')}
          </Button>
        )}
      </div>
      {editing ? (
        <ContentsForm aiCase={aiCase} onChanged={onChanged} onDone={() => setEditing(false)} />
      ) : (
        <dl className="contents">
          {REQUEST_FIELDS.filter((f) => typeof contents[f] === 'string' && contents[f]).map((f) => (
            <div key={f} data-field={f}>
              <dt>{t(`contents.${f}`)}</dt>
              <dd>{String(contents[f])}</dd>
            </div>
          ))}
          {typeof contents.proposedDecisionDate === 'string' && (
            <div>
              <dt>{t('contents.proposedDecisionDate')}</dt>
              <dd>{day(contents.proposedDecisionDate)}</dd>
            </div>
          )}
        </dl>
      )}
      {aiCase.sentAt && (
        <p className="muted small">{t('case.sentAt', { date: day(aiCase.sentAt.slice(0, 10)) })}</p>
      )}
      {aiCase.status === 'sent' && aiCase.yourSide !== 'union' && aiCase.yourSide !== 'expert' && (
        <Amendments caseId={aiCase.id} />
      )}
    </section>
  );
}

function ContentsForm({
  aiCase,
  onChanged,
  onDone,
}: {
  aiCase: CaseResponse;
  onChanged: (c: CaseResponse) => void;
  onDone: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const current = aiCase.contents as Record<string, unknown>;
  const form = useForm<ContentsValues>({
    defaultValues: {
      contents: {
        ...(Object.fromEntries(
          REQUEST_FIELDS.map((f) => [f, typeof current[f] === 'string' ? current[f] : '']),
        ) as Record<RequestField, string>),
        proposedDecisionDate:
          typeof current.proposedDecisionDate === 'string' ? current.proposedDecisionDate : '',
      },
    },
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const save = useMutation(async (values: ContentsValues) => {
    // Only what changed is sent; an emptied text stays as the empty string the server records.
    const changed = Object.fromEntries(
      Object.entries(values.contents).filter(
        ([key, value]) => value !== (typeof current[key] === 'string' ? current[key] : ''),
      ),
    );
    if (changed.proposedDecisionDate === '') {
      delete changed.proposedDecisionDate;
    }
    if (Object.keys(changed).length === 0) {
      onDone();
      return;
    }
    const next = await unwrap(
      api.PATCH('/cases/{caseId}', {
        params: { path: { caseId: aiCase.id } },
        body: { version: aiCase.version, contents: changed },
      }),
    ).catch((error: unknown) => {
      const fields = serverFieldErrors(i18n, error);
      for (const { path, message } of fields) {
        form.setError(path as FieldPath<ContentsValues>, { type: 'server', message });
      }
      if (fields.length > 0) {
        setAttempt((n) => n + 1);
      }
      throw error;
    });
    onChanged(next);
    onDone();
  });
  const { errors } = form.formState;
  const items = summaryOf(CONTENTS_FORM, errors, [
    ...REQUEST_FIELDS.map((f) => `contents.${f}`),
    'contents.proposedDecisionDate',
  ]);
  const onSubmit = form.handleSubmit(
    (values) => void save.submit(values),
    () => setAttempt((n) => n + 1),
  );
  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary items={items} attempt={attempt} />
      {aiCase.status === 'sent' && <p className="hint">{t('filing.amendHint')}</p>}
      {REQUEST_FIELDS.map((field) => (
        <TextArea
          key={field}
          id={fieldId(CONTENTS_FORM, `contents.${field}`)}
          label={t(`contents.${field}`)}
          error={errors.contents?.[field]?.message}
          {...form.register(`contents.${field}`, {
            maxLength: {
              value:
                field === 'regelingText'
                  ? 50000
                  : field === 'grounds' || field === 'planning'
                    ? 5000
                    : 20000,
              message: t('field.maxLength', {
                limit:
                  field === 'regelingText'
                    ? 50000
                    : field === 'grounds' || field === 'planning'
                      ? 5000
                      : 20000,
              }),
            },
          })}
        />
      ))}
      <TextField
        id={fieldId(CONTENTS_FORM, 'contents.proposedDecisionDate')}
        label={t('contents.proposedDecisionDate')}
        type="date"
        error={errors.contents?.proposedDecisionDate?.message}
        {...form.register('contents.proposedDecisionDate')}
      />
      {save.error !== undefined && items.length === 0 && <ErrorAlert error={save.error} />}
      <div className="page-actions">
        <button type="submit" className="button button-primary" aria-busy={save.busy || undefined}>
          {aiCase.status === 'sent' ? t('filing.saveAmendment') : t('common.save')}
        </button>
        <Button variant="secondary" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

type AuditEntry = Schemas['AuditEntryResponse'];

/** The amendments to a sent request, newest first, each field with its words struck and added. */
function Amendments({ caseId }: { caseId: string }) {
  const { t, dateTime } = useI18n();
  const entries = useQuery({
    queryKey: keys.case(caseId, 'audit'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/audit', {
            params: { path: { caseId }, query: { limit: 200, cursor } },
          }),
        ),
      ),
  });
  const amendments = (entries.data ?? []).filter(
    (e: AuditEntry) => e.action === 'case.contents_amended',
  );
  if (amendments.length === 0) {
    return null;
  }
  return (
    <div className="amendments" data-testid="amendments">
      <h3>{t('filing.amendments', { count: amendments.length })}</h3>
      <ol reversed>
        {[...amendments].reverse().map((entry) => {
          const number = amendments.indexOf(entry) + 1;
          const before = contentsOf(entry.before);
          const after = contentsOf(entry.after);
          const fields = [...REQUEST_FIELDS, 'proposedDecisionDate'].filter(
            (f) => (before[f] ?? '') !== (after[f] ?? ''),
          );
          return (
            <li key={entry.seq} data-amendment={number}>
              <p className="small">
                <strong>{t('filing.amendment', { number })}</strong> · {dateTime(entry.occurredAt)}
              </p>
              {fields.map((f) => (
                <div key={f} className="diff" data-diff-field={f}>
                  <p className="small muted">{t(`contents.${f}` as 'contents.reasons')}</p>
                  <p>
                    {wordDiff(before[f] ?? '', after[f] ?? '').map((part, i) =>
                      part.kind === 'same' ? (
                        <span key={i}>{part.text}</span>
                      ) : part.kind === 'removed' ? (
                        <del key={i}>{part.text}</del>
                      ) : (
                        <ins key={i}>{part.text}</ins>
                      ),
                    )}
                  </p>
                </div>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function contentsOf(snapshot: Record<string, unknown> | null | undefined): Record<string, string> {
  const contents = (snapshot?.contents ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(contents).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

export interface DiffPart {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** A word-level diff (longest common subsequence over words and the spaces between them). */
export function wordDiff(before: string, after: string): DiffPart[] {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  // Texts of tens of thousands of words would make the table large: show them whole instead.
  if (a.length * b.length > 4_000_000) {
    return [
      ...(before ? [{ kind: 'removed' as const, text: before }] : []),
      ...(after ? [{ kind: 'added' as const, text: after }] : []),
    ];
  }
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) {
      last.text += text;
    } else {
      parts.push({ kind, text });
    }
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      push('removed', a[i++]);
    } else {
      push('added', b[j++]);
    }
  }
  a.slice(i).forEach((w) => push('removed', w));
  b.slice(j).forEach((w) => push('added', w));
  return parts;
}
