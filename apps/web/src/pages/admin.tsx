import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import {
  Button,
  Empty,
  ErrorAlert,
  Loading,
  SelectField,
  TextField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { useMe } from '../session';
import { SignInSettings } from './admin-sign-in';
import { keys } from '../queries';

export type Role = Schemas['RoleAssignmentDto']['role'];
const COUNCIL_ROLES: readonly Role[] = [
  'council_chair',
  'council_secretary',
  'council_member',
  'committee_member',
  'external_expert',
];
/**
 * What the admin grants: the employer's roles, and a new council's first chair (the server refuses
 * the chair once the council has one, B.19). Every other council role is the council board's.
 */
const ADMIN_ROLES: readonly Role[] = [
  'hr_manager',
  'employer_representative',
  'org_admin',
  'council_chair',
];
/** The roles an employer-side membership can be changed between here; council roles stay with the council board. */
const EMPLOYER_ROLES: readonly Role[] = ['hr_manager', 'employer_representative', 'org_admin'];
type Member = Schemas['MemberResponse'];

/** The organisation admin's part: who has which role, and inviting people. */
export function OrganisationAdmin() {
  const { t } = useI18n();
  const me = useMe();
  const members = useQuery({
    queryKey: keys.admin(me.organisationId, 'members'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/memberships', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const [councils, setCouncils] = useState(0);
  return (
    <>
      <CreateCouncil onDone={() => setCouncils((n) => n + 1)} />
      <Invite
        key={councils}
        roles={ADMIN_ROLES}
        title={t('admin.invite')}
        onDone={() => void members.refetch()}
      />
      <section className="card" aria-labelledby="members-title">
        <h2 id="members-title">{t('admin.members')}</h2>
        <ErrorAlert error={members.error} />
        {!members.data ? (
          <Loading />
        ) : members.data.length === 0 ? (
          <Empty>{t('admin.noMembers')}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('admin.members')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('login.email')}</th>
                  <th scope="col">{t('admin.role')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {members.data.map((m) => (
                  <tr key={m.membershipId}>
                    <td>{m.displayName}</td>
                    <td>{m.email}</td>
                    <MemberRow member={m} onChanged={() => void members.refetch()} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <SignInSettings />
    </>
  );
}

const COUNCIL_KINDS = ['or', 'cor', 'gor', 'pvt', 'none'] as const;

/** A new works council (then its first chair is invited below); the employer's admin sets it up. */
function CreateCouncil({ onDone }: { onDone: () => void }) {
  const { t, label } = useI18n();
  const me = useMe();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof COUNCIL_KINDS)[number]>('or');
  const [created, setCreated] = useState<string | null>(null);
  const titleId = useId();
  const create = useMutation(async () => {
    const council = await unwrap(
      api.POST('/organisations/{organisationId}/works-councils', {
        params: { path: { organisationId: me.organisationId } },
        body: { name: name.trim(), kind },
      }),
    );
    setCreated(council.name);
    setName('');
    onDone();
  });
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('admin.createCouncil')}</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void create.submit();
        }}
      >
        <TextField
          label={t('admin.councilName')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <SelectField
          label={t('admin.councilKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as (typeof COUNCIL_KINDS)[number])}
        >
          {COUNCIL_KINDS.map((k) => (
            <option key={k} value={k}>
              {label('councilKind', k)}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={create.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={create.busy || !name.trim()}
        >
          {t('admin.createCouncilButton')}
        </button>
      </form>
      <div role="status">
        {created && (
          <p className="alert alert-ok">{t('admin.councilCreated', { name: created })}</p>
        )}
      </div>
    </section>
  );
}

/** An invitation by e-mail; `worksCouncilId` fixes the council (the board invites to its own). */
/**
 * An employer-side membership: change its role or remove it (the server checks who may, and audits
 * it). A council-side one only shows its role: the council board manages those (B.19).
 */
function MemberRow({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const { t, label } = useI18n();
  const me = useMe();
  const employerSide = (EMPLOYER_ROLES as readonly string[]).includes(member.role);
  const change = useMutation(async (role: Role) => {
    await unwrap(
      api.PATCH('/memberships/{membershipId}', {
        params: { path: { membershipId: member.membershipId } },
        body: { role },
      }),
    );
    onChanged();
  });
  const remove = useMutation(async () => {
    await unwrap(
      api.DELETE('/memberships/{membershipId}', {
        params: { path: { membershipId: member.membershipId } },
      }),
    );
    onChanged();
  });
  // Ends every session and open socket of the person at once (the server does it in one go).
  const deactivate = useMutation(async () => {
    await unwrap(
      api.POST('/organisations/{organisationId}/users/{userId}/deactivation', {
        params: { path: { organisationId: me.organisationId, userId: member.userId } },
      }),
    );
    onChanged();
  });
  if (member.deactivated) {
    return (
      <>
        <td>{label('role', member.role)}</td>
        <td>
          <span className="muted">{t('admin.deactivated')}</span>
        </td>
      </>
    );
  }
  if (!employerSide || member.userId === me.userId) {
    return (
      <>
        <td>{label('role', member.role)}</td>
        <td>{employerSide ? null : <span className="muted">{t('admin.councilManaged')}</span>}</td>
      </>
    );
  }
  return (
    <>
      <td>
        <SelectField
          label={t('admin.roleOf', { name: member.displayName })}
          value={member.role}
          disabled={change.busy}
          onChange={(e) => void change.submit(e.target.value as Role)}
        >
          {EMPLOYER_ROLES.map((r) => (
            <option key={r} value={r}>
              {label('role', r)}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={change.error} />
      </td>
      <td>
        <Button
          variant="danger"
          busy={remove.busy}
          onClick={() =>
            window.confirm(t('admin.removeConfirm', { name: member.displayName })) &&
            void remove.submit()
          }
        >
          {t('admin.remove')}
        </Button>
        <Button
          variant="danger"
          busy={deactivate.busy}
          onClick={() =>
            window.confirm(t('admin.deactivateConfirm', { name: member.displayName })) &&
            void deactivate.submit()
          }
        >
          {t('admin.deactivate')}
        </Button>
        <ErrorAlert error={remove.error} />
        <ErrorAlert error={deactivate.error} />
      </td>
    </>
  );
}

export function Invite({
  roles,
  title,
  worksCouncilId,
  onDone,
}: {
  roles: readonly Role[];
  title: string;
  worksCouncilId?: string;
  onDone: () => void;
}) {
  const { t, label, dateTime } = useI18n();
  const me = useMe();
  const councils = useQuery({
    queryKey: keys.admin(me.organisationId, 'councils'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/works-councils', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0]);
  const [councilId, setCouncilId] = useState('');
  const [committeeId, setCommitteeId] = useState('');
  const [sent, setSent] = useState<Schemas['InvitationResponse'] | null>(null);
  const council = worksCouncilId ?? (councilId || councils.data?.[0]?.id || '');
  const committees = councils.data?.find((c) => c.id === council)?.committees ?? [];
  const committee = committeeId || committees[0]?.id || '';
  const titleId = useId();
  const invite = useMutation(async () => {
    const needsCouncil = COUNCIL_ROLES.includes(role);
    const placement =
      needsCouncil && council
        ? {
            worksCouncilId: council,
            ...(role === 'committee_member' && committee ? { committeeId: committee } : {}),
          }
        : {};
    setSent(
      await unwrap(
        api.POST('/organisations/{organisationId}/invitations', {
          params: { path: { organisationId: me.organisationId } },
          body: { email: email.trim(), roles: [{ role, ...placement }] },
        }),
      ),
    );
    setEmail('');
    onDone();
  });
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void invite.submit();
        }}
      >
        <TextField
          label={t('login.email')}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          required
        />
        <SelectField
          label={t('admin.role')}
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {label('role', r)}
            </option>
          ))}
        </SelectField>
        {role === 'committee_member' && (
          <SelectField
            label={t('councilRoles.committee')}
            value={committee}
            onChange={(e) => setCommitteeId(e.target.value)}
          >
            {committees.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        {COUNCIL_ROLES.includes(role) && !worksCouncilId && (
          <SelectField
            label={t('newCase.council')}
            value={council}
            onChange={(e) => setCouncilId(e.target.value)}
          >
            {(councils.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
        )}
        <ErrorAlert error={invite.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={invite.busy || !email.trim()}
        >
          {t('admin.send')}
        </button>
      </form>
      <div role="status">
        {sent && (
          <div className="alert alert-ok">
            <p>{t('admin.sent', { email: sent.email, date: dateTime(sent.expiresAt) })}</p>
            <TextField
              label={t('admin.link')}
              readOnly
              value={sent.acceptUrl}
              onFocus={(e) => e.target.select()}
            />
          </div>
        )}
      </div>
    </section>
  );
}
