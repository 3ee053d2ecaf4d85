import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { keys, usePagedList } from '../queries';
import { useMe } from '../session';
import {
  Badge,
  Empty,
  ErrorAlert,
  Loading,
  MoreButton,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from './ui';

type Complaint = Schemas['ComplaintResponse'];
type LogComplaint = Schemas['LogComplaintDto'];

const KINDS = ['complaint', 'explanation_request'] as const;
const BASES = ['ai_act_86', 'gdpr_15', 'gdpr_22', 'other'] as const;

/**
 * Issue #19: the complaints and explanations desk of a system (AI Act art. 86, GDPR art. 15 and
 * 22), for the employer side. Only the designated contact sees and answers the complaints; the
 * server answers 404 to anyone else, so the desk shows the designation only.
 */
export function ComplaintsDesk({ aiSystemId }: { aiSystemId: string }) {
  const { t } = useI18n();
  const me = useMe();
  const contact = useQuery({
    queryKey: keys.aiSystems('complaint-contact', aiSystemId),
    queryFn: () =>
      unwrap(
        api.GET('/ai-systems/{aiSystemId}/complaint-contact', {
          params: { path: { aiSystemId } },
        }),
      ),
  });
  const designate = useMutation(async () => {
    await unwrap(
      api.PUT('/ai-systems/{aiSystemId}/complaint-contact', {
        params: { path: { aiSystemId } },
        body: { userId: me.userId },
      }),
    );
    await contact.refetch();
  });
  return (
    <section className="card" aria-labelledby="complaints-title" data-testid="complaints-desk">
      <h2 id="complaints-title">{t('complaints.title')}</h2>
      <p className="hint">{t('complaints.lead')}</p>
      {!contact.data ? (
        contact.error ? (
          <ErrorAlert error={contact.error} />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <p>
            {t('complaints.contact')}: {contact.data.displayName ?? t('complaints.noContact')}
          </p>
          {!contact.data.isYou && (
            <>
              <p className="hint">{t('complaints.onlyContact')}</p>
              <button
                type="button"
                className="button button-secondary"
                disabled={designate.busy}
                onClick={() => void designate.submit()}
              >
                {t('complaints.designateMe')}
              </button>
              <ErrorAlert error={designate.error} />
            </>
          )}
          {contact.data.isYou && <Desk aiSystemId={aiSystemId} />}
        </>
      )}
    </section>
  );
}

function Desk({ aiSystemId }: { aiSystemId: string }) {
  const { t } = useI18n();
  const list = usePagedList(keys.aiSystems('complaints', aiSystemId), (cursor) =>
    unwrap(
      api.GET('/ai-systems/{aiSystemId}/complaints', {
        params: { path: { aiSystemId }, query: { cursor } },
      }),
    ),
  );
  const empty: LogComplaint = {
    kind: 'complaint',
    legalBasis: 'ai_act_86',
    complainant: '',
    description: '',
    receivedOn: '',
  };
  const [draft, setDraft] = useState<LogComplaint>(empty);
  const log = useMutation(async () => {
    await unwrap(
      api.POST('/ai-systems/{aiSystemId}/complaints', {
        params: { path: { aiSystemId } },
        body: draft,
      }),
    );
    setDraft(empty);
    await list.refetch();
  });
  return (
    <>
      <form
        className="card"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void log.submit();
        }}
      >
        <h3>{t('complaints.log')}</h3>
        <SelectField
          label={t('complaints.kind')}
          value={draft.kind}
          onChange={(e) => setDraft({ ...draft, kind: e.target.value as LogComplaint['kind'] })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`complaintKind.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('complaints.legalBasis')}
          value={draft.legalBasis}
          onChange={(e) =>
            setDraft({ ...draft, legalBasis: e.target.value as LogComplaint['legalBasis'] })
          }
        >
          {BASES.map((b) => (
            <option key={b} value={b}>
              {t(`legalBasis.${b}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('complaints.complainant')}
          value={draft.complainant}
          onChange={(e) => setDraft({ ...draft, complainant: e.target.value })}
          required
        />
        <TextArea
          label={t('complaints.description')}
          value={draft.description}
          onChange={(e) => setDraft({ ...draft, description: e.target.value })}
          required
        />
        <TextField
          label={t('complaints.receivedOn')}
          type="date"
          value={draft.receivedOn}
          onChange={(e) => setDraft({ ...draft, receivedOn: e.target.value })}
          required
        />
        <ErrorAlert error={log.error} />
        <button type="submit" className="button button-primary" disabled={log.busy}>
          {t('complaints.log')}
        </button>
      </form>
      {!list.items ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{t('complaints.none')}</Empty>
      ) : (
        <>
          <ul className="plain-list">
            {list.items.map((c) => (
              <ComplaintItem key={c.id} complaint={c} onAnswered={() => void list.refetch()} />
            ))}
          </ul>
          <MoreButton list={list} />
        </>
      )}
    </>
  );
}

function ComplaintItem({
  complaint: c,
  onAnswered,
}: {
  complaint: Complaint;
  onAnswered: () => void;
}) {
  const { t, day } = useI18n();
  const [outcome, setOutcome] = useState('');
  const [explanation, setExplanation] = useState('');
  const answer = useMutation(async () => {
    await unwrap(
      api.PATCH('/complaints/{complaintId}', {
        params: { path: { complaintId: c.id } },
        body: { version: c.version, outcome, explanation },
      }),
    );
    onAnswered();
  });
  return (
    <li className="card" data-complaint={c.id} data-status={c.status}>
      <p>
        <strong>{t(`complaintKind.${c.kind}`)}</strong> · {t(`legalBasis.${c.legalBasis}`)} ·{' '}
        {c.complainant} · {day(c.receivedOn)}{' '}
        {c.status === 'open' ? (
          c.overdue ? (
            <Badge tone="danger">{t('complaints.overdue')}</Badge>
          ) : (
            <Badge tone="warn">{t('complaints.dueOn', { date: day(c.dueOn) })}</Badge>
          )
        ) : (
          <Badge tone="ok">{t('complaints.answered', { date: day(c.answeredOn) })}</Badge>
        )}
      </p>
      <p>{c.description}</p>
      {c.status === 'answered' ? (
        <dl className="contents">
          <div>
            <dt>{t('complaints.outcome')}</dt>
            <dd>{c.outcome}</dd>
          </div>
          <div>
            <dt>{t('complaints.explanation')}</dt>
            <dd>{c.explanation}</dd>
          </div>
        </dl>
      ) : (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void answer.submit();
          }}
        >
          <TextField
            label={t('complaints.outcome')}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
            required
          />
          <TextArea
            label={t('complaints.explanation')}
            value={explanation}
            onChange={(e) => setExplanation(e.target.value)}
            required
          />
          <ErrorAlert error={answer.error} />
          <button type="submit" className="button button-secondary" disabled={answer.busy}>
            {t('complaints.answer')}
          </button>
        </form>
      )}
    </li>
  );
}

/** The council's view: counts per system only, never names or texts. */
export function ComplaintCounts({ worksCouncilId }: { worksCouncilId: string }) {
  const { t } = useI18n();
  const counts = useQuery({
    queryKey: keys.council('complaint-counts', worksCouncilId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/works-councils/{worksCouncilId}/complaint-counts', {
            params: { path: { worksCouncilId }, query: { limit: 200, cursor } },
          }),
        ),
      ),
  });
  return (
    <section className="card" aria-labelledby="complaint-counts-title">
      <h2 id="complaint-counts-title">{t('complaints.countsTitle')}</h2>
      <p className="hint">{t('complaints.countsLead')}</p>
      {!counts.data ? (
        counts.error ? (
          <ErrorAlert error={counts.error} />
        ) : (
          <Loading />
        )
      ) : (
        <ul className="plain-list">
          {counts.data.map((s) => (
            <li key={s.aiSystemId} data-system={s.aiSystemId}>
              <strong>{s.name}</strong>:{' '}
              {t('complaints.counts', {
                complaints: s.complaints,
                explanations: s.explanationRequests,
                open: s.open,
                overdue: s.overdue,
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
