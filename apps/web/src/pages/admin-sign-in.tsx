import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import {
  Button,
  Checkbox,
  ErrorAlert,
  Loading,
  TextArea,
  TextField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { keys } from '../queries';
import { useMe } from '../session';

type GroupRole = Schemas['GroupRoleDto'];

/** How people of the organisation sign in: a required second factor, and single sign-on. */
export function SignInSettings() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">{t('admin.security')}</h2>
      <SecondFactorPolicy />
      <SsoSettings />
    </section>
  );
}

function SecondFactorPolicy() {
  const { t } = useI18n();
  const { organisationId } = useMe();
  const path = { params: { path: { organisationId } } };
  const queryClient = useQueryClient();
  const policyKey = keys.admin(organisationId, 'auth-policy');
  const policy = useQuery({
    queryKey: policyKey,
    queryFn: () => unwrap(api.GET('/organisations/{organisationId}/auth-policy', path)),
  });
  const save = useMutation(async (secondFactorRequired: boolean) =>
    queryClient.setQueryData(
      policyKey,
      await unwrap(
        api.PUT('/organisations/{organisationId}/auth-policy', {
          ...path,
          body: { secondFactorRequired },
        }),
      ),
    ),
  );
  if (!policy.data) {
    return <ErrorAlert error={policy.error} />;
  }
  return (
    <>
      <Checkbox
        label={t('admin.requireSecondFactor')}
        hint={t('admin.requireSecondFactorHint')}
        checked={policy.data.secondFactorRequired}
        disabled={save.busy}
        onChange={(e) => void save.submit(e.target.checked)}
      />
      <ErrorAlert error={save.error} />
    </>
  );
}

/** `group=role` per line, as the admin types it; the server checks the roles. */
const formatGroupRoles = (rows: readonly GroupRole[]) =>
  rows.map((r) => `${r.group}=${r.role}`).join('\n');
const parseGroupRoles = (text: string): GroupRole[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.lastIndexOf('=');
      return {
        group: line.slice(0, at).trim(),
        role: line.slice(at + 1).trim() as GroupRole['role'],
      };
    });

function SsoSettings() {
  const { t } = useI18n();
  const { organisationId } = useMe();
  const path = { params: { path: { organisationId } } };
  const queryClient = useQueryClient();
  const connectionKey = keys.admin(organisationId, 'sso-connection');
  const connection = useQuery({
    queryKey: connectionKey,
    queryFn: () => unwrap(api.GET('/organisations/{organisationId}/sso-connection', path)),
  });
  const [issuer, setIssuer] = useState('');
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState('');
  const [groupRoles, setGroupRoles] = useState('');
  const [saved, setSaved] = useState(false);
  const data = connection.data;
  useEffect(() => {
    if (data) {
      setIssuer(data.issuer ?? '');
      setClientId(data.clientId ?? '');
      setDomains(data.emailDomains.join(', '));
      setGroupRoles(formatGroupRoles(data.groupRoles));
    }
  }, [data]);
  const save = useMutation(async () => {
    setSaved(false);
    queryClient.setQueryData(
      connectionKey,
      await unwrap(
        api.PUT('/organisations/{organisationId}/sso-connection', {
          ...path,
          body: {
            issuer: issuer.trim(),
            clientId: clientId.trim(),
            ...(clientSecret ? { clientSecret } : {}),
            emailDomains: domains
              .split(/[\s,]+/)
              .map((d) => d.trim())
              .filter(Boolean),
            groupRoles: parseGroupRoles(groupRoles),
          },
        }),
      ),
    );
    setClientSecret('');
    setSaved(true);
  });
  const remove = useMutation(async () => {
    await unwrap(api.DELETE('/organisations/{organisationId}/sso-connection', path));
    setSaved(false);
    await connection.refetch();
  });
  if (!data) {
    return connection.error ? <ErrorAlert error={connection.error} /> : <Loading />;
  }
  return (
    <form
      aria-labelledby="sso-title"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void save.submit();
      }}
    >
      <h3 id="sso-title">{t('sso.title')}</h3>
      <p>{t('sso.lead')}</p>
      <TextField label={t('sso.redirectUri')} readOnly value={data.redirectUri} />
      <TextField
        label={t('sso.issuer')}
        type="url"
        required
        value={issuer}
        onChange={(e) => setIssuer(e.target.value)}
      />
      <TextField
        label={t('sso.clientId')}
        required
        value={clientId}
        onChange={(e) => setClientId(e.target.value)}
      />
      <TextField
        label={t('sso.clientSecret')}
        type="password"
        autoComplete="off"
        hint={data.clientSecretSet ? t('sso.clientSecretKept') : undefined}
        value={clientSecret}
        onChange={(e) => setClientSecret(e.target.value)}
      />
      <TextField
        label={t('sso.emailDomains')}
        hint={t('common.commaSeparated')}
        required
        value={domains}
        onChange={(e) => setDomains(e.target.value)}
      />
      <TextArea
        label={t('sso.groupRoles')}
        hint={
          // The role ids are what the admin types after `=`: shown as code, not as prose.
          <>
            {t('sso.groupRolesHint')
              .split(/(\{hr\}|\{representative\})/)
              .map((part, i) =>
                part === '{hr}' ? (
                  <code key={i}>hr_manager</code>
                ) : part === '{representative}' ? (
                  <code key={i}>employer_representative</code>
                ) : (
                  part
                ),
              )}
          </>
        }
        value={groupRoles}
        onChange={(e) => setGroupRoles(e.target.value)}
      />
      <ErrorAlert error={save.error} />
      <div role="status">{saved && <p className="alert alert-ok">{t('common.saved')}</p>}</div>
      <button type="submit" className="button button-primary" disabled={save.busy}>
        {t('common.save')}
      </button>
      {data.configured && (
        <Button
          variant="danger"
          busy={remove.busy}
          onClick={() => window.confirm(t('sso.removeConfirm')) && void remove.submit()}
        >
          {t('sso.remove')}
        </Button>
      )}
      <ErrorAlert error={remove.error} />
    </form>
  );
}
