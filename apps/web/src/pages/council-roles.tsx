import { api, unwrap } from '../api/client';
import { Empty, ErrorAlert, Loading, useAsync, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { useLiveEvents } from '../realtime';
import { useMe } from '../session';
import { Invite, type Role } from './admin';

/** The council's own roles; chair and secretary are granted by the board too, once the council has one (B.19). */
const BOARD_ROLES: readonly Role[] = ['council_member', 'committee_member', 'council_secretary', 'council_chair', 'external_expert'];

/**
 * The council board's part (B.19): who holds the council's roles, inviting and removing people,
 * and the council's own record of every grant, change and removal. The server decides who may;
 * a refusal comes back as a problem code with its text from the catalogue.
 */
export function CouncilRoles() {
  const { t, label, dateTime } = useI18n();
  const me = useMe();
  const councilId = me.memberships.find((m) => m.worksCouncilId && (m.role === 'council_chair' || m.role === 'council_secretary'))?.worksCouncilId ?? '';
  const members = useAsync(() => unwrap(api.GET('/organisations/{organisationId}/memberships', { params: { path: { organisationId: me.organisationId } } })), [me.organisationId]);
  const log = useAsync(() => unwrap(api.GET('/works-councils/{worksCouncilId}/role-changes', { params: { path: { worksCouncilId: councilId } } })), [councilId]);
  const reload = () => {
    void members.reload();
    void log.reload();
  };
  useLiveEvents((event) => event.type === 'membership.changed', reload);
  const remove = useMutation(async (membershipId: string) => {
    await unwrap(api.DELETE('/memberships/{membershipId}', { params: { path: { membershipId } } }));
    reload();
  });
  const ours = (members.data ?? []).filter((m) => m.worksCouncilId === councilId);
  return (
    <>
      <Invite roles={BOARD_ROLES} title={t('councilRoles.invite')} worksCouncilId={councilId} onDone={reload} />
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
                      <button type="button" className="button" disabled={remove.busy} onClick={() => void remove.submit(m.membershipId)} aria-label={t('councilRoles.removeFor', { name: m.displayName, role: label('role', m.role) })}>
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
                {t(`councilRoles.change.${c.change as 'granted' | 'changed' | 'removed' | 'deactivated'}`, { who: c.changedBy?.displayName ?? t('common.someone'), whom: c.subject.displayName, role: label('role', c.role) })}{' '}
                <span className="muted small">· {dateTime(c.occurredAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
