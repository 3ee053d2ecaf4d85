import { type FormEvent, useState } from 'react';

import { ErrorAlert, TextField, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useMutation(login);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void action.submit(email.trim(), password);
  };

  return (
    <section className="card auth-card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('login.title')}
      </h1>
      <p className="lead">{t('login.lead')}</p>
      <form onSubmit={onSubmit} noValidate>
        <TextField label={t('login.email')} type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <TextField label={t('login.password')} type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        <ErrorAlert error={action.error} />
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        <a href={href('/password-forgotten')}>{t('login.forgotPassword')}</a>
      </p>
    </section>
  );
}
