import { type FormEvent, useState } from 'react';

import { api, unwrap } from '../api/client';
import { ErrorAlert, TextField, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../router';

/** "Wachtwoord vergeten": asks for a reset link. The answer is the same whether the address exists. */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const action = useMutation(async () => {
    await unwrap(api.POST('/auth/password-reset-requests', { body: { email: email.trim() } }));
    setSent(true);
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void action.submit();
  };

  return (
    <section className="card auth-card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('passwordReset.forgotTitle')}
      </h1>
      {sent ? (
        <p className="alert alert-ok" role="status">
          {t('passwordReset.sent')}
        </p>
      ) : (
        <>
          <p className="lead">{t('passwordReset.forgotLead')}</p>
          <form onSubmit={onSubmit} noValidate>
            <TextField
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <ErrorAlert error={action.error} />
            <button type="submit" className="button button-primary" disabled={action.busy}>
              {t('passwordReset.send')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={href('/')}>{t('passwordReset.backToLogin')}</a>
      </p>
    </section>
  );
}

/** The link from the e-mail: choose a new password. The server checks the token and the password. */
export function ResetPasswordPage({ token }: { token: string }) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const action = useMutation(async () => {
    await unwrap(api.POST('/auth/password-resets', { body: { token, newPassword: password } }));
    setDone(true);
  });
  const tooShort = password.length > 0 && password.length < 12;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!tooShort) {
      void action.submit();
    }
  };

  return (
    <section className="card auth-card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('passwordReset.resetTitle')}
      </h1>
      {done ? (
        <p className="alert alert-ok" role="status">
          {t('passwordReset.done')}
        </p>
      ) : (
        <>
          {!token && (
            <p className="alert alert-error" role="alert">
              {t('passwordReset.noToken')}
            </p>
          )}
          <form onSubmit={onSubmit} noValidate>
            <TextField
              label={t('passwordReset.newPassword')}
              hint={t('invite.passwordHint')}
              type="password"
              name="newPassword"
              autoComplete="new-password"
              required
              minLength={12}
              value={password}
              error={tooShort ? t('invite.passwordTooShort') : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
            <ErrorAlert error={action.error} />
            <button
              type="submit"
              className="button button-primary"
              disabled={action.busy || !token}
            >
              {t('passwordReset.save')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={href('/')}>{t('passwordReset.backToLogin')}</a>
      </p>
    </section>
  );
}
