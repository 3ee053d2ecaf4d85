import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { DaysLeft } from '../components/deadlines';
import {
  Badge,
  Button,
  Empty,
  ErrorAlert,
  Loading,
  MoreButton,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { keys, usePagedList } from '../queries';
import { Link } from '../router';
import { useSession } from '../session';

type Signal = Schemas['CouncilSignalResponse'];
type CouncilRequest = Schemas['CouncilRequestResponse'];

const COUNCIL_ROLES = ['council_chair', 'council_secretary', 'council_member', 'committee_member'];
const EMPLOYER_ROLES = ['hr_manager', 'employer_representative'];

/**
 * Issue #19: the council's intake. Council members record signals (the council's alone) and turn
 * them into requests; the employer side sees the requests and answers them, or opens the case.
 */
export function IntakePage() {
  const { t } = useI18n();
  const { me } = useSession();
  const memberships = me?.memberships ?? [];
  const councilIds = [
    ...new Set(
      memberships
        .filter((m) => COUNCIL_ROLES.includes(m.role) && m.worksCouncilId)
        .map((m) => m.worksCouncilId as string),
    ),
  ];
  const employerOrg = memberships.find((m) => EMPLOYER_ROLES.includes(m.role))?.organisationId;
  const employerCouncils = useQuery({
    queryKey: keys.intake('councils', employerOrg),
    enabled: employerOrg !== undefined,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/works-councils', {
            params: { path: { organisationId: employerOrg! }, query: { limit: 200, cursor } },
          }),
        ),
      ),
  });
  const isBoard = (councilId: string) =>
    memberships.some(
      (m) =>
        m.worksCouncilId === councilId && ['council_chair', 'council_secretary'].includes(m.role),
    );
  return (
    <section aria-labelledby="page-title">
      <PageHeader title={t('intake.title')} />
      <p className="hint">{t('intake.lead')}</p>
      {councilIds.length === 0 && !employerOrg && <Empty>{t('intake.noCouncil')}</Empty>}
      {councilIds.map((id) => (
        <div key={id}>
          <Signals
            worksCouncilId={id}
            board={isBoard(id)}
            organisationId={memberships[0]?.organisationId}
          />
          <Requests worksCouncilId={id} employer={false} />
        </div>
      ))}
      {employerOrg &&
        (employerCouncils.data ?? []).map((c) => (
          <Requests key={c.id} worksCouncilId={c.id} employer />
        ))}
    </section>
  );
}

function Signals({
  worksCouncilId,
  board,
  organisationId,
}: {
  worksCouncilId: string;
  board: boolean;
  organisationId: string | undefined;
}) {
  const { t, dateTime } = useI18n();
  const client = useQueryClient();
  const list = usePagedList(keys.intake('signals', worksCouncilId), (cursor) =>
    unwrap(
      api.GET('/works-councils/{worksCouncilId}/signals', {
        params: { path: { worksCouncilId }, query: { cursor } },
      }),
    ),
  );
  const systems = useQuery({
    queryKey: keys.aiSystems(organisationId),
    enabled: organisationId !== undefined,
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/ai-systems', {
            params: { path: { organisationId: organisationId! }, query: { limit: 200, cursor } },
          }),
        ),
      ),
  });
  const [text, setText] = useState('');
  const [sourceKind, setSourceKind] = useState<Signal['sourceKind']>('heard');
  const [aiSystemId, setAiSystemId] = useState('');
  const raise = useMutation(async () => {
    await unwrap(
      api.POST('/works-councils/{worksCouncilId}/signals', {
        params: { path: { worksCouncilId } },
        body: { text: text.trim(), sourceKind, ...(aiSystemId ? { aiSystemId } : {}) },
      }),
    );
    setText('');
    await client.invalidateQueries({ queryKey: keys.intake() });
  });
  const systemList = systems.data ?? [];
  return (
    <section aria-labelledby={`signals-${worksCouncilId}`}>
      <h2 id={`signals-${worksCouncilId}`}>{t('intake.signals')}</h2>
      <form
        className="card"
        aria-label={t('intake.raiseTitle')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void raise.submit();
        }}
      >
        <TextArea
          label={t('intake.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          required
        />
        <SelectField
          label={t('intake.sourceKind')}
          value={sourceKind}
          onChange={(e) => setSourceKind(e.target.value as Signal['sourceKind'])}
        >
          {(['heard', 'software_update', 'staff_report'] as const).map((k) => (
            <option key={k} value={k}>
              {t(`intake.source.${k}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('intake.aiSystem')}
          value={aiSystemId}
          onChange={(e) => setAiSystemId(e.target.value)}
        >
          <option value="">{t('intake.noSystem')}</option>
          {systemList.map((s: { id: string; name: string }) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={raise.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={raise.busy || !text.trim()}
        >
          {t('intake.raise')}
        </button>
      </form>
      {!list.items ? (
        list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <Loading />
        )
      ) : list.items.length === 0 ? (
        <Empty>{t('intake.noSignals')}</Empty>
      ) : (
        <>
          <ul className="info-list">
            {list.items.map((s) => (
              <li key={s.id} className="card" data-signal-id={s.id} data-status={s.status}>
                <p>{s.text}</p>
                <p className="muted small">
                  {t(`intake.source.${s.sourceKind}`)} · {dateTime(s.raisedAt)}{' '}
                  <Badge tone={s.status === 'open' ? 'info' : 'neutral'}>
                    {t(`intake.status.${s.status}`)}
                  </Badge>
                </p>
                {s.requests.map((r) => (
                  <p key={r.id} className="small">
                    {t(`intake.kind.${r.kind}`)}: {t(`intake.request.${r.status}`)}
                  </p>
                ))}
                {s.status !== 'dismissed' && <ActOnSignal signal={s} board={board} />}
              </li>
            ))}
          </ul>
          <MoreButton list={list} />
        </>
      )}
    </section>
  );
}

function ActOnSignal({ signal, board }: { signal: Signal; board: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [kind, setKind] = useState<CouncilRequest['kind']>('information');
  const [subject, setSubject] = useState('');
  const act = useMutation(async () => {
    await unwrap(
      api.POST('/signals/{signalId}/requests', {
        params: { path: { signalId: signal.id } },
        body: { kind, subject: subject.trim(), version: signal.version },
      }),
    );
    setSubject('');
    await client.invalidateQueries({ queryKey: keys.intake() });
  });
  const dismiss = useMutation(async () => {
    await unwrap(
      api.POST('/signals/{signalId}/dismissal', {
        params: { path: { signalId: signal.id } },
        body: { version: signal.version },
      }),
    );
    await client.invalidateQueries({ queryKey: keys.intake() });
  });
  // Opening a case and a proposal are the board's acts; any member may ask for information.
  const kinds: Array<CouncilRequest['kind']> = board
    ? ['information', 'case_opening', 'initiative']
    : ['information'];
  return (
    <form
      aria-label={t('intake.actTitle')}
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void act.submit();
      }}
    >
      <SelectField
        label={t('intake.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as CouncilRequest['kind'])}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {t(`intake.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      <TextArea
        label={t('intake.subject')}
        value={subject}
        onChange={(e) => setSubject(e.target.value)}
        required
      />
      <ErrorAlert error={act.error ?? dismiss.error} />
      <button
        type="submit"
        className="button button-primary"
        disabled={act.busy || !subject.trim()}
      >
        {t('intake.send')}
      </button>{' '}
      <Button variant="secondary" busy={dismiss.busy} onClick={() => void dismiss.submit()}>
        {t('intake.dismiss')}
      </Button>
    </form>
  );
}

function Requests({ worksCouncilId, employer }: { worksCouncilId: string; employer: boolean }) {
  const { t, day } = useI18n();
  const list = usePagedList(keys.intake('requests', worksCouncilId), (cursor) =>
    unwrap(
      api.GET('/works-councils/{worksCouncilId}/council-requests', {
        params: { path: { worksCouncilId }, query: { cursor } },
      }),
    ),
  );
  return (
    <section aria-labelledby={`requests-${worksCouncilId}`}>
      <h2 id={`requests-${worksCouncilId}`}>{t('intake.requests')}</h2>
      {!list.items ? (
        list.error ? (
          <ErrorAlert error={list.error} />
        ) : (
          <Loading />
        )
      ) : list.items.length === 0 ? (
        <Empty>{t('intake.noRequests')}</Empty>
      ) : (
        <>
          <ul className="info-list">
            {list.items.map((r) => (
              <li
                key={r.id}
                id={`council-request-${r.id}`}
                className="card"
                data-request-id={r.id}
                data-status={r.status}
              >
                <p>
                  <strong>{t(`intake.kind.${r.kind}`)}</strong> · {r.subject}
                </p>
                <p className="muted small">
                  {t('intake.due')} {day(r.dueDate)}{' '}
                  {r.status === 'open' && <DaysLeft day={r.dueDate} />}{' '}
                  <Badge tone={r.status === 'open' ? 'warn' : 'ok'}>
                    {t(`intake.request.${r.status}`)}
                  </Badge>
                </p>
                {r.answer && <blockquote className="info-answer">{r.answer}</blockquote>}
                {r.caseId && <Link to={`/cases/${r.caseId}`}>{t('intake.toCase')}</Link>}
                {employer && r.status === 'open' && <AnswerRequest request={r} />}
              </li>
            ))}
          </ul>
          <MoreButton list={list} />
        </>
      )}
    </section>
  );
}

function AnswerRequest({ request }: { request: CouncilRequest }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [answer, setAnswer] = useState('');
  const [title, setTitle] = useState('');
  const done = () => client.invalidateQueries({ queryKey: keys.intake() });
  const send = useMutation(async () => {
    await unwrap(
      api.POST('/council-requests/{requestId}/answer', {
        params: { path: { requestId: request.id } },
        body: { answer: answer.trim(), version: request.version },
      }),
    );
    await done();
  });
  const open = useMutation(async () => {
    await unwrap(
      api.POST('/council-requests/{requestId}/case', {
        params: { path: { requestId: request.id } },
        body: { title: title.trim(), version: request.version },
      }),
    );
    await done();
  });
  return (
    <div>
      {request.kind === 'case_opening' && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void open.submit();
          }}
        >
          <TextField
            label={t('intake.caseTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
          <ErrorAlert error={open.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={open.busy || !title.trim()}
          >
            {t('intake.openCase')}
          </button>
        </form>
      )}
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void send.submit();
        }}
      >
        <TextArea
          label={t('intake.answer')}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          required
        />
        <ErrorAlert error={send.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={send.busy || !answer.trim()}
        >
          {t('intake.sendAnswer')}
        </button>
      </form>
    </div>
  );
}
