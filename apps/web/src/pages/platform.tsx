import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

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
import { keys } from '../queries';

type Organisation = Schemas['PlatformOrganisationResponse'];

/**
 * The platform operator's screen (issue #15): the same verbs as `npm run admin`. Create an
 * employer or union, invite its first admin, suspend, resume, schedule its deletion.
 */
export function PlatformAdmin() {
  const { t } = useI18n();
  const organisations = useQuery({
    queryKey: keys.admin('platform-organisations'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/platform/organisations', { params: { query: { limit: 200, cursor } } })),
      ),
  });
  const reload = () => void organisations.refetch();
  return (
    <>
      <CreateOrganisation onDone={reload} />
      <section className="card" aria-labelledby="platform-organisations">
        <h2 id="platform-organisations">{t('platform.organisations')}</h2>
        <ErrorAlert error={organisations.error} />
        {!organisations.data ? (
          <Loading />
        ) : organisations.data.length === 0 ? (
          <Empty>{t('platform.none')}</Empty>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('platform.organisations')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.name')}</th>
                  <th scope="col">{t('platform.kind')}</th>
                  <th scope="col">{t('platform.status')}</th>
                  <th scope="col">{t('platform.people')}</th>
                  <th scope="col">{t('admin.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {organisations.data.map((o) => (
                  <OrganisationRow key={o.id} organisation={o} onChanged={reload} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function CreateOrganisation({ onDone }: { onDone: () => void }) {
  const { t, label } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'employer' | 'union'>('employer');
  const create = useMutation(async () => {
    await unwrap(api.POST('/platform/organisations', { body: { name: name.trim(), kind } }));
    setName('');
    onDone();
  });
  return (
    <section className="card" aria-labelledby="platform-create">
      <h2 id="platform-create">{t('platform.create')}</h2>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void create.submit();
        }}
      >
        <TextField
          label={t('admin.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
        />
        <SelectField
          label={t('platform.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as 'employer' | 'union')}
        >
          {(['employer', 'union'] as const).map((k) => (
            <option key={k} value={k}>
              {label('organisationKind', k)}
            </option>
          ))}
        </SelectField>
        <ErrorAlert error={create.error} />
        <button
          type="submit"
          className="button button-primary"
          disabled={create.busy || !name.trim()}
        >
          {t('platform.createButton')}
        </button>
      </form>
    </section>
  );
}

function OrganisationRow({
  organisation: o,
  onChanged,
}: {
  organisation: Organisation;
  onChanged: () => void;
}) {
  const { t, label, dateTime } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState<Schemas['FirstAdminInvitationResponse'] | null>(null);
  const path = { params: { path: { organisationId: o.id } } };
  const invite = useMutation(async () => {
    setSent(
      await unwrap(
        api.POST('/platform/organisations/{organisationId}/admin-invitations', {
          ...path,
          body: { email: email.trim() },
        }),
      ),
    );
    setEmail('');
    onChanged();
  });
  const act = useMutation(async (action: 'suspend' | 'resume' | 'delete') => {
    if (action === 'suspend') {
      await unwrap(api.POST('/platform/organisations/{organisationId}/suspension', path));
    } else if (action === 'resume') {
      await unwrap(api.DELETE('/platform/organisations/{organisationId}/suspension', path));
    } else {
      await unwrap(api.POST('/platform/organisations/{organisationId}/deletion', path));
    }
    onChanged();
  });
  const tenant = o.kind !== 'operator';
  return (
    <tr>
      <td>{o.name}</td>
      <td>{label('organisationKind', o.kind)}</td>
      <td>
        {label('organisationStatus', o.status)}
        {o.deletionDueAt && (
          <div className="muted">
            {t('platform.deletedFrom', { date: dateTime(o.deletionDueAt) })}
          </div>
        )}
      </td>
      <td>{o.people}</td>
      <td>
        {o.status === 'active' && (
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void invite.submit();
            }}
          >
            <TextField
              label={t('platform.adminEmail', { name: o.name })}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
            <button type="submit" className="button" disabled={invite.busy || !email.trim()}>
              {t('platform.invite')}
            </button>
          </form>
        )}
        <ErrorAlert error={invite.error} />
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
        {tenant && o.status === 'active' && (
          <Button busy={act.busy} onClick={() => void act.submit('suspend')}>
            {t('platform.suspend', { name: o.name })}
          </Button>
        )}
        {tenant && o.status !== 'active' && (
          <Button busy={act.busy} onClick={() => void act.submit('resume')}>
            {t('platform.resume', { name: o.name })}
          </Button>
        )}
        {tenant && o.status !== 'deletion_scheduled' && (
          <Button
            variant="danger"
            busy={act.busy}
            onClick={() =>
              window.confirm(t('platform.deleteConfirm', { name: o.name })) &&
              void act.submit('delete')
            }
          >
            {t('platform.delete', { name: o.name })}
          </Button>
        )}
        <ErrorAlert error={act.error} />
      </td>
    </tr>
  );
}
