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
  const { roles } = useSession();
  const me = useMe();
  const members = useQuery({
    queryKey: keys.council('members', me.organisationId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/memberships', {
            params: { path: { organisationId: me.organisationId }, query: { limit: 200, cursor } },
          }),
        ),
      ).catch(() => []),
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
  const names = new Map((members.data ?? []).map((p) => [p.userId, p.displayName]));
  const candidates = attendeeCandidates(members.data ?? [], meeting.data);
  const m = meeting.data;
  const set = (next: Meeting) => queryClient.setQueryData(keys.meetings('detail', meetingId), next);
  const titles = new Map((cases.data ?? []).map((c) => [c.id, c.title]));
  const manages = m.kind === 'consultation' ? roles.board || roles.employer : roles.board;
  return (
    <article>
      <PageHeader
        title={m.title}
        lead={`${label('meetingKind', m.kind)} · ${dateTime(m.startsAt)}${m.location ? ` · ${m.location}` : ''}`}
      >
        <Badge tone={m.status === 'held' ? 'ok' : m.status === 'cancelled' ? 'danger' : 'neutral'}>
          {label('meetingStatus', m.status)}
        </Badge>
        {m.heldOn && <span className="muted">{t('meetings.heldOn', { date: day(m.heldOn) })}</span>}
      </PageHeader>
      {m.warnings.map((w) => (
        <p key={w} className="alert alert-warn" role="status" data-warning={w}>
          {t(`meetingWarning.${w}`)}
        </p>
      ))}
      <Attendees meeting={m} names={names} />
      {manages && m.status !== 'held' && (
        <EditMeeting meeting={m} candidates={candidates} onChanged={set} />
      )}
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
      <Minutes meeting={m} manages={manages} names={names} onChanged={set} />
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

/** Minutes: a draft, then (sent round) an amendment window for the attendees, then locked. */
function Minutes({
  meeting,
  manages,
  names,
  onChanged,
}: {
  meeting: Meeting;
  manages: boolean;
  names: Map<string, string>;
  onChanged: (m: Meeting) => void;
}) {
  const { t, dateTime } = useI18n();
  const me = useMe();
  const [minutes, setMinutes] = useState(meeting.minutes ?? '');
  const [approved, setApproved] = useState(meeting.minutesApproved);
  const [days, setDays] = useState(7);
  const [amendment, setAmendment] = useState('');
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
  const circulate = useMutation(async () =>
    onChanged(
      await unwrap(
        api.POST('/meetings/{meetingId}/minutes/circulation', {
          params: { path: { meetingId: meeting.id } },
          body: { version: meeting.version, amendmentDays: days },
        }),
      ),
    ),
  );
  const amend = useMutation(async () => {
    onChanged(
      await unwrap(
        api.POST('/meetings/{meetingId}/minutes/amendments', {
          params: { path: { meetingId: meeting.id } },
          body: { text: amendment.trim() },
        }),
      ),
    );
    setAmendment('');
  });
  const status = meeting.minutesStatus;
  const attends = meeting.participantIds.includes(me.userId);
  return (
    <section className="card" aria-labelledby="minutes-title" data-minutes-status={status}>
      <div className="section-head">
        <h2 id="minutes-title">{t('meetings.minutes')}</h2>
        <Badge
          tone={status === 'locked' ? 'ok' : status === 'amendment_window' ? 'info' : 'neutral'}
        >
          {t(`meetings.minutesStatus.${status}`)}
        </Badge>
        {meeting.minutesApproved && <Badge tone="ok">{t('meetings.approved')}</Badge>}
      </div>
      {status === 'amendment_window' && meeting.minutesAmendmentsUntil && (
        <p className="hint">
          {t('meetings.amendmentsUntil', { date: dateTime(meeting.minutesAmendmentsUntil) })}
        </p>
      )}
      {status === 'locked' && meeting.minutesAmendmentsUntil && (
        <p className="hint" data-testid="minutes-locked">
          {t('meetings.lockedSince', { date: dateTime(meeting.minutesAmendmentsUntil) })}
        </p>
      )}
      {status === 'locked' || !manages ? (
        <p className="prewrap">{meeting.minutes ?? t('meetings.noMinutes')}</p>
      ) : (
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
      )}
      {manages && status === 'draft' && meeting.status !== 'cancelled' && (
        <details className="action">
          <summary>{t('meetings.circulate')}</summary>
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void circulate.submit();
            }}
          >
            <p className="hint">{t('meetings.circulateHint')}</p>
            <TextField
              label={t('meetings.amendmentDays')}
              type="number"
              min={1}
              max={30}
              value={days}
              onChange={(e) => setDays(Number(e.target.value))}
            />
            <ErrorAlert error={circulate.error} />
            <button type="submit" className="button button-primary" disabled={circulate.busy}>
              {t('meetings.circulateSubmit')}
            </button>
          </form>
        </details>
      )}
      {status !== 'draft' && (
        <>
          <h3>{t('meetings.amendments')}</h3>
          {meeting.amendments.length === 0 ? (
            <Empty>{t('meetings.noAmendments')}</Empty>
          ) : (
            <ul className="plain-list" data-testid="amendments">
              {meeting.amendments.map((a) => (
                <li key={a.id}>
                  <strong>{names.get(a.authorId) ?? t('meetings.someone')}</strong>{' '}
                  <span className="muted small">{dateTime(a.createdAt)}</span>
                  <p className="prewrap">{a.text}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {status === 'amendment_window' && (attends || manages) && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void amend.submit();
          }}
        >
          <TextArea
            label={t('meetings.amendmentText')}
            rows={3}
            value={amendment}
            onChange={(e) => setAmendment(e.target.value)}
          />
          <ErrorAlert error={amend.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={amend.busy || !amendment.trim()}
          >
            {t('meetings.amendSubmit')}
          </button>
        </form>
      )}
    </section>
  );
}

type Member = Schemas['MemberResponse'];

const COUNCIL_ATTENDEE_ROLES = ['council_chair', 'council_secretary', 'council_member'];
const EMPLOYER_ATTENDEE_ROLES = ['hr_manager', 'employer_representative'];

/** Whom to offer as attendees: the council's seats, and for a consultation also the employer side (the server checks). */
function attendeeCandidates(members: readonly Member[], meeting: Meeting): Member[] {
  const seen = new Set<string>();
  return members.filter((p) => {
    const fits =
      !p.deactivated &&
      ((COUNCIL_ATTENDEE_ROLES.includes(p.role) && p.worksCouncilId === meeting.worksCouncilId) ||
        (meeting.kind === 'consultation' && EMPLOYER_ATTENDEE_ROLES.includes(p.role)));
    if (!fits || seen.has(p.userId)) {
      return false;
    }
    seen.add(p.userId);
    return true;
  });
}

function Attendees({ meeting, names }: { meeting: Meeting; names: Map<string, string> }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="attendees-title">
      <h2 id="attendees-title">{t('meetings.attendees')}</h2>
      {meeting.participantIds.length === 0 ? (
        <Empty>{t('meetings.noAttendees')}</Empty>
      ) : (
        <ul className="plain-list" data-testid="attendees">
          {meeting.participantIds.map((id) => (
            <li key={id}>{names.get(id) ?? t('meetings.someone')}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** `2026-03-05T13:00:00Z` → the browser's local `2026-03-05T14:00`, for a datetime-local field. */
function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Edit, move or cancel a meeting, and choose its attendees. A move, a change of attendees or a
 * cancellation e-mails each attendee an updated invitation or a cancellation (the server decides).
 */
function EditMeeting({
  meeting,
  candidates,
  onChanged,
}: {
  meeting: Meeting;
  candidates: Member[];
  onChanged: (m: Meeting) => void;
}) {
  const { t } = useI18n();
  const [title, setTitle] = useState(meeting.title);
  const [startsAt, setStartsAt] = useState(localInput(meeting.startsAt));
  const [duration, setDuration] = useState(meeting.durationMinutes);
  const [location, setLocation] = useState(meeting.location);
  const [attendees, setAttendees] = useState<string[]>(meeting.participantIds);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const save = useMutation(async () =>
    onChanged(
      await unwrap(
        api.PATCH('/meetings/{meetingId}', {
          params: { path: { meetingId: meeting.id } },
          body: {
            version: meeting.version,
            title: title.trim(),
            startsAt: new Date(startsAt).toISOString(),
            durationMinutes: duration,
            location,
            participantIds: attendees,
          },
        }),
      ),
    ),
  );
  const setStatus = useMutation(async (status: 'planned' | 'cancelled') => {
    onChanged(
      await unwrap(
        api.PATCH('/meetings/{meetingId}', {
          params: { path: { meetingId: meeting.id } },
          body: { version: meeting.version, status },
        }),
      ),
    );
    setConfirmCancel(false);
  });
  if (meeting.status === 'cancelled') {
    return (
      <section className="card">
        <ErrorAlert error={setStatus.error} />
        <button
          type="button"
          className="button button-secondary"
          disabled={setStatus.busy}
          onClick={() => void setStatus.submit('planned')}
        >
          {t('meetings.replan')}
        </button>
      </section>
    );
  }
  return (
    <section className="card" aria-label={t('meetings.edit')}>
      <details className="action" data-testid="edit-meeting">
        <summary>{t('meetings.edit')}</summary>
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void save.submit();
          }}
        >
          <TextField
            label={t('meetings.meetingTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
          <TextField
            label={t('meetings.startsAt')}
            type="datetime-local"
            value={startsAt}
            onChange={(e) => setStartsAt(e.target.value)}
            required
          />
          <TextField
            label={t('meetings.duration')}
            type="number"
            min={5}
            max={1440}
            value={duration}
            onChange={(e) => setDuration(Number(e.target.value))}
          />
          <TextField
            label={t('meetings.location')}
            value={location}
            onChange={(e) => setLocation(e.target.value)}
          />
          <fieldset>
            <legend>{t('meetings.attendees')}</legend>
            <p className="hint">{t('meetings.attendeesHint')}</p>
            {candidates.map((p) => (
              <Checkbox
                key={p.userId}
                label={p.displayName}
                checked={attendees.includes(p.userId)}
                onChange={(e) =>
                  setAttendees((list) =>
                    e.target.checked ? [...list, p.userId] : list.filter((id) => id !== p.userId),
                  )
                }
              />
            ))}
          </fieldset>
          <ErrorAlert error={save.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={save.busy || !title.trim()}
          >
            {t('meetings.editSubmit')}
          </button>
        </form>
      </details>
      {!confirmCancel ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setConfirmCancel(true)}
        >
          {t('meetings.cancel')}
        </button>
      ) : (
        <div className="alert alert-warn" role="alertdialog" aria-labelledby="cancel-question">
          <p id="cancel-question">{t('meetings.cancelConfirm')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button button-primary"
              disabled={setStatus.busy}
              onClick={() => void setStatus.submit('cancelled')}
            >
              {t('meetings.cancelConfirmYes')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirmCancel(false)}
            >
              {t('meetings.keep')}
            </button>
          </div>
        </div>
      )}
      <ErrorAlert error={setStatus.error} />
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
