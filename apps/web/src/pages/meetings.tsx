import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import {
  Badge,
  Checkbox,
  Empty,
  ErrorAlert,
  Loading,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from '../components/ui';
import { todayInAmsterdam } from '../format';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { useMe, useSession } from '../session';
import { keys } from '../queries';

type Meeting = Schemas['MeetingResponse'];

/** The council's meetings: consultation meetings with the employer and the council's own. */
export function MeetingsPage() {
  const { t, dateTime, label } = useI18n();
  const me = useMe();
  const councilId = me.memberships.find((m) => m.worksCouncilId)?.worksCouncilId;
  const councils = useQuery({
    queryKey: keys.meetings('councils', me.organisationId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/works-councils', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ).catch(() => []),
  });
  const worksCouncilId = councilId ?? councils.data?.[0]?.id;
  const meetings = useQuery({
    queryKey: keys.meetings(worksCouncilId),
    queryFn: async () =>
      worksCouncilId
        ? allPages((cursor) =>
            unwrap(
              api.GET('/works-councils/{worksCouncilId}/meetings', {
                params: { query: { limit: 200, cursor }, path: { worksCouncilId } },
              }),
            ),
          )
        : [],
  });
  return (
    <>
      <PageHeader title={t('meetings.title')} lead={t('meetings.lead')} />
      {worksCouncilId && <NewMeeting worksCouncilId={worksCouncilId} />}
      <ErrorAlert error={meetings.error} />
      {!meetings.data ? (
        <Loading />
      ) : meetings.data.length === 0 ? (
        <Empty>{t('meetings.none')}</Empty>
      ) : (
        <ul className="case-list">
          {meetings.data.map((m) => (
            <li key={m.id} className="case-item">
              <Link to={`/meetings/${m.id}`} className="case-link">
                {m.title}
              </Link>
              <div className="case-meta">
                <Badge tone={m.kind === 'internal' ? 'info' : 'neutral'}>
                  {label('meetingKind', m.kind)}
                </Badge>
                <Badge
                  tone={
                    m.status === 'held' ? 'ok' : m.status === 'cancelled' ? 'danger' : 'neutral'
                  }
                >
                  {label('meetingStatus', m.status)}
                </Badge>
                <span className="muted">{dateTime(m.startsAt)}</span>
                <span className="muted">
                  {t('meetings.agendaCount', { count: m.agendaItems.length })}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function NewMeeting({ worksCouncilId }: { worksCouncilId: string }) {
  const { t } = useI18n();
  const { roles } = useSession();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<'consultation' | 'internal'>(
    roles.employer ? 'consultation' : 'internal',
  );
  const [startsAt, setStartsAt] = useState(`${todayInAmsterdam()}T14:00`);
  const [location, setLocation] = useState('');
  const create = useMutation(async () => {
    const created = await unwrap(
      api.POST('/works-councils/{worksCouncilId}/meetings', {
        params: { path: { worksCouncilId } },
        body: {
          title: title.trim(),
          kind,
          startsAt: new Date(startsAt).toISOString(),
          ...(location ? { location } : {}),
        },
      }),
    );
    navigate(`/meetings/${created.id}`);
  });
  if (!roles.board && !roles.employer) {
    return null;
  }
  return (
    <details className="action card">
      <summary>{t('meetings.new')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void create.submit();
        }}
      >
        <TextField
          label={t('meetings.meetingTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
        <SelectField
          label={t('meetings.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value === 'internal' ? 'internal' : 'consultation')}
        >
          <option value="consultation">{t('meetingKind.consultation')}</option>
          {!roles.employer && <option value="internal">{t('meetingKind.internal')}</option>}
        </SelectField>
        <TextField
          label={t('meetings.startsAt')}
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          required
        />
        <TextField
          label={t('meetings.location')}
          value={location}
          onChange={(e) => setLocation(e.target.value)}
        />
        <ErrorAlert error={create.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={create.busy || !title.trim()}
        >
          {t('meetings.create')}
        </button>
      </form>
    </details>
  );
}

export function MeetingPage({ meetingId }: { meetingId: string }) {
  const queryClient = useQueryClient();
  const { t, dateTime, label, day } = useI18n();
  const meeting = useQuery({
    queryKey: keys.meetings('detail', meetingId),
    queryFn: () => unwrap(api.GET('/meetings/{meetingId}', { params: { path: { meetingId } } })),
  });
  const cases = useQuery({
    queryKey: keys.cases('sent-for-agenda'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/cases', { params: { query: { status: 'sent', limit: 200, cursor } } })),
      ),
  });
  if (!meeting.data) {
    return meeting.error ? <ErrorAlert error={meeting.error} /> : <Loading />;
  }
  const m = meeting.data;
  const set = (next: Meeting) => queryClient.setQueryData(keys.meetings('detail', meetingId), next);
  const titles = new Map((cases.data ?? []).map((c) => [c.id, c.title]));
  return (
    <article>
      <PageHeader
        title={m.title}
        lead={`${label('meetingKind', m.kind)} · ${dateTime(m.startsAt)}${m.location ? ` · ${m.location}` : ''}`}
      >
        <Badge tone={m.status === 'held' ? 'ok' : 'neutral'}>
          {label('meetingStatus', m.status)}
        </Badge>
        {m.heldOn && <span className="muted">{t('meetings.heldOn', { date: day(m.heldOn) })}</span>}
      </PageHeader>
      <section className="card" aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('meetings.agenda')}</h2>
        {m.agendaItems.length === 0 ? (
          <Empty>{t('meetings.noAgenda')}</Empty>
        ) : (
          <ol className="agenda">
            {m.agendaItems.map((item) => (
              <li key={item.id}>
                <strong>{item.title}</strong>
                {item.caseId && (
                  <>
                    {' · '}
                    <Link to={`/cases/${item.caseId}`}>
                      {titles.get(item.caseId) ?? t('meetings.case')}
                    </Link>
                  </>
                )}
                {item.decision && (
                  <p className="small">
                    {t('meetings.decision')}: {item.decision}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        {m.status === 'planned' && (
          <AgendaForm meeting={m} cases={cases.data ?? []} onChanged={set} />
        )}
      </section>
      <Minutes meeting={m} onChanged={set} />
      {m.status === 'planned' && <MarkHeld meeting={m} onChanged={() => void meeting.refetch()} />}
    </article>
  );
}

function AgendaForm({
  meeting,
  cases,
  onChanged,
}: {
  meeting: Meeting;
  cases: Schemas['CaseListItemResponse'][];
  onChanged: (m: Meeting) => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState('');
  const [caseId, setCaseId] = useState('');
  const add = useMutation(async () => {
    onChanged(
      await unwrap(
        api.POST('/meetings/{meetingId}/agenda-items', {
          params: { path: { meetingId: meeting.id } },
          body: { title: title.trim(), ...(caseId ? { caseId } : {}) },
        }),
      ),
    );
    setTitle('');
    setCaseId('');
  });
  return (
    <details className="action">
      <summary>{t('meetings.addItem')}</summary>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void add.submit();
        }}
      >
        <TextField
          label={t('meetings.itemTitle')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
        <SelectField
          label={t('meetings.case')}
          value={caseId}
          onChange={(e) => setCaseId(e.target.value)}
        >
          <option value="">{t('meetings.noCase')}</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={add.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={add.busy || !title.trim()}
        >
          {t('meetings.addItemSubmit')}
        </button>
      </form>
    </details>
  );
}

function Minutes({ meeting, onChanged }: { meeting: Meeting; onChanged: (m: Meeting) => void }) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [approved, setApproved] = useState(meeting.minutesApproved);
  const save = useMutation(async () =>
    onChanged(
      await unwrap(
        api.PUT('/meetings/{meetingId}/minutes', {
          params: { path: { meetingId: meeting.id } },
          body: { version: meeting.version, minutes, approved },
        }),
      ),
    ),
  );
  return (
    <section className="card" aria-labelledby="minutes-title">
      <div className="section-head">
        <h2 id="minutes-title">{t('meetings.minutes')}</h2>
        {meeting.minutesApproved && <Badge tone="ok">{t('meetings.approved')}</Badge>}
      </div>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void save.submit();
        }}
      >
        <TextArea
          label={t('meetings.minutesText')}
          rows={6}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <Checkbox
          label={t('meetings.approve')}
          checked={approved}
          onChange={(e) => setApproved(e.target.checked)}
        />
        <ErrorAlert error={save.error} />
        <button type="submit" className="button button-primary" disabled={save.busy}>
          {t('meetings.saveMinutes')}
        </button>
      </form>
    </section>
  );
}

function MarkHeld({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { t, label } = useI18n();
  const [heldOn, setHeldOn] = useState(todayInAmsterdam());
  const [recorded, setRecorded] = useState<
    Schemas['MeetingHeldResponse']['consultationsRecorded'] | null
  >(null);
  const held = useMutation(async () => {
    const result = await unwrap(
      api.POST('/meetings/{meetingId}/held', {
        params: { path: { meetingId: meeting.id } },
        body: { version: meeting.version, heldOn },
      }),
    );
    setRecorded(result.consultationsRecorded);
    onChanged();
  });
  return (
    <section className="card" aria-labelledby="held-title">
      <h2 id="held-title">{t('meetings.markHeld')}</h2>
      <p className="hint">
        {meeting.kind === 'consultation'
          ? t('meetings.markHeldLead')
          : t('meetings.markHeldInternal')}
      </p>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void held.submit();
        }}
      >
        <TextField
          label={t('meetings.heldOnLabel')}
          type="date"
          value={heldOn}
          onChange={(e) => setHeldOn(e.target.value)}
        />
        <ErrorAlert error={held.error} />
        <button type="submit" className="button button-primary" disabled={held.busy}>
          {t('meetings.markHeldSubmit')}
        </button>
      </form>
      <div role="status">
        {recorded && recorded.length > 0 && (
          <p className="alert alert-ok">
            {t('meetings.recorded', {
              tracks: recorded.map((r) => label('track', r.track)).join(', '),
            })}
          </p>
        )}
      </div>
    </section>
  );
}
