import { type FormEvent, useState } from 'react';

import { api, ApiError, unwrap } from '../api/client';
import { Checkbox, ErrorAlert, SelectField, TextField, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';

/** Accepting an invitation: the link carries the token; the invitee picks a name and password. */
export function AcceptInvitationPage({ token }: { token: string }) {
  const { t } = useI18n();
  const { signIn, language: current } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [language, setLanguage] = useState<'nl' | 'en'>(current);
  const [acknowledged, setAcknowledged] = useState(false);
  const action = useMutation(async () => {
    const pair = await unwrap(
      api.POST('/invitations/accept', {
        body: {
          token,
          displayName: displayName.trim(),
          password,
          language,
          ...(acknowledged ? { confidentialityAcknowledged: true } : {}),
        },
      }),
    );
    await signIn(pair);
    navigate('/', { replace: true });
  });
  const tooShort = password.length > 0 && password.length < 12;
  // The council's expert learns of the art. 20 duty when the server asks for it (the server decides who must).
  const needsAcknowledgement =
    acknowledged ||
    (action.error instanceof ApiError &&
      action.error.code === 'invitation.confidentiality_required');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort) {
      void action.submit();
    }
  };

  return (
    <section className="card auth-card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('invite.title')}
      </h1>
      <p className="lead">{t('invite.lead')}</p>
      {!token && (
        <p className="alert alert-error" role="alert">
          {t('invite.noToken')}
        </p>
      )}
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={t('invite.name')}
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextField
          label={t('invite.password')}
          hint={t('invite.passwordHint')}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={12}
          value={password}
          error={tooShort ? t('invite.passwordTooShort') : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
        <SelectField
          label={t('settings.language')}
          value={language}
          onChange={(e) => setLanguage(e.target.value === 'en' ? 'en' : 'nl')}
        >
          <option value="nl">Nederlands</option>
          <option value="en">English</option>
        </SelectField>
        {needsAcknowledgement && (
          <Checkbox
            label={t('invite.confidentiality')}
            hint={t('invite.confidentialityHint')}
            checked={acknowledged}
            onChange={(e) => setAcknowledged(e.target.checked)}
          />
        )}
        <ErrorAlert error={action.error} />
        <button type="submit" className="button button-primary" disabled={action.busy || !token}>
          {t('invite.submit')}
        </button>
      </form>
    </section>
  );
}
