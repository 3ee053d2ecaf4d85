import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { Empty, ErrorAlert, Loading, TextField, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { useMe } from '../session';
import { Invite, type Role } from './admin';
import { keys } from '../queries';

/** The council's own roles; chair and secretary are granted by the board too, once the council has one (B.19). */
const BOARD_ROLES: readonly Role[] = [
  'council_member',
  'committee_member',
  'council_secretary',
  'council_chair',
];

/**
 * The council board's part (B.19): who holds the council's roles, inviting and removing people,
 * and the council's own record of every grant, change and removal. The server decides who may;
 * a refusal comes back as a problem code with its text from the catalogue.
 */
export function CouncilRoles() {
  const { t, label, dateTime } = useI18n();
  const me = useMe();
  const councilId =
    me.memberships.find(
      (m) => m.worksCouncilId && (m.role === 'council_chair' || m.role === 'council_secretary'),
    )?.worksCouncilId ?? '';
  const members = useQuery({
    queryKey: keys.council('members', me.organisationId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/memberships', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const log = useQuery({
    queryKey: keys.council('log', councilId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/works-councils/{worksCouncilId}/role-changes', {
            params: { query: { limit: 200, cursor }, path: { worksCouncilId: councilId } },
          }),
        ),
      ),
  });
  const reload = () => {
    void members.refetch();
    void log.refetch();
  };
  const remove = useMutation(async (membershipId: string) => {
    await unwrap(api.DELETE('/memberships/{membershipId}', { params: { path: { membershipId } } }));
    reload();
  });
  const ours = (members.data ?? []).filter((m) => m.worksCouncilId === councilId);
  return (
    <>
      <Invite
        roles={BOARD_ROLES}
        title={t('councilRoles.invite')}
        worksCouncilId={councilId}
        onDone={reload}
      />
      <ExpertEngagements worksCouncilId={councilId} board />
      <section className="card" aria-labelledby="council-roles-title">
        <h2 id="council-roles-title">{t('councilRoles.title')}</h2>
        <p className="muted">{t('councilRoles.lead')}</p>
        <ErrorAlert error={members.error ?? remove.error} />
        {!members.data ? (
          <Loading />
        ) : ours.length === 0 ? (
          <Empty>{t('admin.noMembers')}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('councilRoles.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('admin.role')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('councilRoles.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {ours.map((m) => (
                  <tr key={m.membershipId}>
                    <td>{m.displayName}</td>
                    <td>{label('role', m.role)}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        disabled={remove.busy}
                        onClick={() => void remove.submit(m.membershipId)}
                        aria-label={t('councilRoles.removeFor', {
                          name: m.displayName,
                          role: label('role', m.role),
                        })}
                      >
                        {t('councilRoles.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="role-log-title">
        <h2 id="role-log-title">{t('councilRoles.log')}</h2>
        <ErrorAlert error={log.error} />
        {!log.data ? (
          <Loading />
        ) : log.data.length === 0 ? (
          <Empty>{t('councilRoles.noChanges')}</Empty>
        ) : (
          <ul className="plain-list" data-testid="role-changes">
            {log.data.map((c) => (
              <li key={c.id}>
                {t(`councilRoles.change.${c.change}`, {
                  who: c.changedBy?.displayName ?? t('common.someone'),
                  whom: c.subject.displayName,
                  role: label('role', c.role),
                })}{' '}
                <span className="muted small">· {dateTime(c.occurredAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/**
 * The council's own expert (WOR art. 16). The board engages one by e-mail with the cost notice the
 * employer sees (art. 22(2)); the employer's side sees the notices, never the address.
 */
export function ExpertEngagements({
  worksCouncilId,
  board = false,
}: {
  worksCouncilId: string;
  board?: boolean;
}) {
  const { t, dateTime } = useI18n();
  const list = useQuery({
    queryKey: keys.council('engagements', worksCouncilId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/works-councils/{worksCouncilId}/expert-engagements', {
            params: { query: { limit: 200, cursor }, path: { worksCouncilId } },
          }),
        ),
      ),
  });
  const [email, setEmail] = useState('');
  const [purpose, setPurpose] = useState('');
  const [euros, setEuros] = useState('');
  const [sent, setSent] = useState<Schemas['CreatedExpertEngagementResponse'] | null>(null);
  const engage = useMutation(async () => {
    const expectedCostsCents = Math.round(Number(euros.replace(',', '.')) * 100);
    setSent(
      await unwrap(
        api.POST('/works-councils/{worksCouncilId}/expert-engagements', {
          params: { path: { worksCouncilId } },
          body: { email: email.trim(), purpose: purpose.trim(), expectedCostsCents },
        }),
      ),
    );
    setEmail('');
    setPurpose('');
    setEuros('');
    void list.refetch();
  });
  const euro = (cents: number) =>
    new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(cents / 100);
  return (
    <section className="card" aria-labelledby="experts-title">
      <h2 id="experts-title">{t('experts.title')}</h2>
      <p className="muted">{t(board ? 'experts.leadBoard' : 'experts.leadEmployer')}</p>
      {board && (
        <form
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void engage.submit();
          }}
        >
          <TextField
            label={t('login.email')}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
          />
          <TextField
            label={t('experts.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            required
          />
          <TextField
            label={t('experts.costs')}
            inputMode="decimal"
            value={euros}
            onChange={(e) => setEuros(e.target.value)}
            required
          />
          <ErrorAlert error={engage.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={engage.busy || !email.trim() || !purpose.trim() || !euros.trim()}
          >
            {t('experts.engage')}
          </button>
          <div role="status">
            {sent && (
              <TextField
                label={t('admin.link')}
                readOnly
                value={sent.invitation.acceptUrl}
                onFocus={(e) => e.target.select()}
              />
            )}
          </div>
        </form>
      )}
      <ErrorAlert error={list.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.length === 0 ? (
        <Empty>{t('experts.none')}</Empty>
      ) : (
        <ul className="plain-list" data-testid="expert-engagements">
          {list.data.map((e) => (
            <li key={e.id}>
              <strong>{e.expert?.displayName ?? e.email ?? t(`experts.status.${e.status}`)}</strong>
              : {e.purpose} · {euro(e.expectedCostsCents)}{' '}
              <span className="muted small">
                · {t(`experts.status.${e.status}`)} · {dateTime(e.notifiedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
