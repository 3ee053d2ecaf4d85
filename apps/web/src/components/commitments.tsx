import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { useSession } from '../session';
import {
  Badge,
  Button,
  Checkbox,
  Empty,
  ErrorAlert,
  Loading,
  TextArea,
  TextField,
  useMutation,
} from './ui';

type CaseResponse = Schemas['CaseResponse'];
type Commitment = Schemas['CommitmentResponse'];

const TONE: Record<Commitment['status'], 'neutral' | 'ok' | 'danger' | 'info'> = {
  open: 'info',
  met: 'ok',
  broken: 'danger',
  waived: 'neutral',
};

/**
 * Issue #19: the conditions of a conditional advice or consent as commitments. The server says
 * which actions the signed-in user may take on each (`allowedActions`); the screen offers only those.
 */
export function Commitments({
  aiCase,
  names,
}: {
  aiCase: CaseResponse;
  names: Map<string, string>;
}) {
  const { t, day, dateTime } = useI18n();
  const list = useQuery({
    queryKey: keys.case(aiCase.id, 'commitments'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/commitments', {
            params: { path: { caseId: aiCase.id }, query: { limit: 200, cursor } },
          }),
        ),
      ),
  });
  return (
    <section aria-labelledby="commitments-title">
      <h2 id="commitments-title">{t('commitments.title')}</h2>
      <p className="hint">{t('commitments.lead')}</p>
      {!list.data ? (
        list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <Loading />
        )
      ) : list.data.length === 0 ? (
        <Empty>{t('commitments.none')}</Empty>
      ) : (
        <ol className="info-list">
          {list.data.map((c) => (
            <li
              key={c.id}
              id={`commitment-${c.id}`}
              className="card"
              data-commitment-id={c.id}
              data-status={c.status}
            >
              <p>
                {c.condition ?? t('commitments.hidden')}{' '}
                <Badge tone={TONE[c.status]}>{t(`commitments.status.${c.status}`)}</Badge>
              </p>
              <p className="muted small">
                {t('commitments.owner')}:{' '}
                {c.ownerId
                  ? (names.get(c.ownerId) ?? t('common.someone'))
                  : t('commitments.noOwner')}
                {c.dueDate && (
                  <>
                    {' '}
                    · {t('commitments.dueDate')} {day(c.dueDate)}
                  </>
                )}
              </p>
              {c.evidence && (
                <blockquote className="info-answer">
                  {t('commitments.evidence')}: {c.evidence}
                </blockquote>
              )}
              {c.statusNote && <p className="small">{c.statusNote}</p>}
              {c.reopenedAt && (
                <p className="small">
                  {t('commitments.reopened', { date: dateTime(c.reopenedAt) })}
                </p>
              )}
              <CommitmentActions caseId={aiCase.id} commitment={c} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function CommitmentActions({ caseId, commitment: c }: { caseId: string; commitment: Commitment }) {
  const { t } = useI18n();
  const { me } = useSession();
  const client = useQueryClient();
  const [dueDate, setDueDate] = useState(c.dueDate ?? '');
  const [evidence, setEvidence] = useState('');
  const [met, setMet] = useState(true);
  const [note, setNote] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: keys.case(caseId) });
  const path = { params: { path: { commitmentId: c.id } } };
  const assign = useMutation(async (ownerId: string | undefined) => {
    await unwrap(
      api.PATCH('/commitments/{commitmentId}', {
        ...path,
        body: { version: c.version, dueDate: dueDate || null, ...(ownerId ? { ownerId } : {}) },
      }),
    );
    await refresh();
  });
  const record = useMutation(async () => {
    await unwrap(
      api.POST('/commitments/{commitmentId}/evidence', {
        ...path,
        body: { version: c.version, evidence: evidence.trim(), met },
      }),
    );
    await refresh();
  });
  const decide = useMutation(async (what: 'breach' | 'waiver') => {
    const body = { version: c.version, note: note.trim() };
    await unwrap(
      what === 'breach'
        ? api.POST('/commitments/{commitmentId}/breach', { ...path, body })
        : api.POST('/commitments/{commitmentId}/waiver', { ...path, body }),
    );
    await refresh();
  });
  const reopen = useMutation(async (step: 'reopen' | 'legal_step') => {
    await unwrap(
      api.POST('/commitments/{commitmentId}/reopening', {
        ...path,
        body: { version: c.version, step },
      }),
    );
    await refresh();
  });
  const allowed = new Set(c.allowedActions);
  if (allowed.size === 0) {
    return null;
  }
  const error = assign.error ?? record.error ?? decide.error ?? reopen.error;
  return (
    <div className="commitment-actions">
      {allowed.has('assign') && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void assign.submit(undefined);
          }}
        >
          <TextField
            label={t('commitments.dueDate')}
            type="date"
            value={dueDate}
            onChange={(e) => setDueDate(e.target.value)}
          />
          <button type="submit" className="button button-secondary" disabled={assign.busy}>
            {t('commitments.assign')}
          </button>{' '}
          {me && c.ownerId !== me.userId && (
            <Button
              variant="secondary"
              busy={assign.busy}
              onClick={() => void assign.submit(me.userId)}
            >
              {t('commitments.takeOwnership')}
            </Button>
          )}
        </form>
      )}
      {allowed.has('record_evidence') && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void record.submit();
          }}
        >
          <TextArea
            label={t('commitments.evidence')}
            value={evidence}
            onChange={(e) => setEvidence(e.target.value)}
            required
          />
          <Checkbox
            label={t('commitments.met')}
            checked={met}
            onChange={(e) => setMet(e.target.checked)}
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={record.busy || !evidence.trim()}
          >
            {t('commitments.recordEvidence')}
          </button>
        </form>
      )}
      {(allowed.has('declare_broken') || allowed.has('waive')) && (
        <div>
          <TextArea
            label={t('commitments.note')}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          {allowed.has('declare_broken') && (
            <Button
              variant="danger"
              busy={decide.busy}
              disabled={!note.trim()}
              onClick={() => void decide.submit('breach')}
            >
              {t('commitments.declareBroken')}
            </Button>
          )}{' '}
          {allowed.has('waive') && (
            <Button
              variant="secondary"
              busy={decide.busy}
              disabled={!note.trim()}
              onClick={() => void decide.submit('waiver')}
            >
              {t('commitments.waive')}
            </Button>
          )}
        </div>
      )}
      {allowed.has('reopen') && (
        <p>
          <Button busy={reopen.busy} onClick={() => void reopen.submit('reopen')}>
            {t('commitments.reopen')}
          </Button>{' '}
          <Button
            variant="secondary"
            busy={reopen.busy}
            onClick={() => void reopen.submit('legal_step')}
          >
            {t('commitments.legalStep')}
          </Button>
        </p>
      )}
      <ErrorAlert error={error} />
    </div>
  );
}
