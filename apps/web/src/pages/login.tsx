import { type FormEvent, useEffect, useState } from 'react';

import { ApiError } from '../api/client';
import { Button, ErrorAlert, TextField, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import { startSingleSignOn } from './sso-callback';

export function LoginPage() {
  const { t } = useI18n();
  const { login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const action = useMutation(login);
  const sso = useMutation(startSingleSignOn);
  // The server says when the account has a second factor, and only after the right password.
  const asked =
    action.error instanceof ApiError && action.error.code === 'auth.second_factor_required';
  const [stayOnSecondStep, setStayOnSecondStep] = useState(false);
  useEffect(() => {
    if (asked) {
      setStayOnSecondStep(true);
    }
  }, [asked]);
  const secondStep = asked || stayOnSecondStep;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const proof = !secondStep
      ? {}
      : useRecovery
        ? { recoveryCode: code.trim() }
        : { totpCode: code.replace(/\s/g, '') };
    void action.submit(email.trim(), password, proof);
  };
  const shownError = asked ? undefined : action.error;

  return (
    <section className="card auth-card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('login.title')}
      </h1>
      <p className="lead">{secondStep ? t('login.secondFactorLead') : t('login.lead')}</p>
      <form onSubmit={onSubmit} noValidate>
        {!secondStep && (
          <>
            <TextField
              label={t('login.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <TextField
              label={t('login.password')}
              type="password"
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </>
        )}
        {secondStep && (
          <>
            <TextField
              label={useRecovery ? t('login.recoveryCode') : t('login.totpCode')}
              name={useRecovery ? 'recoveryCode' : 'totpCode'}
              autoComplete="one-time-code"
              inputMode={useRecovery ? 'text' : 'numeric'}
              required
              autoFocus
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
            <button
              type="button"
              className="button button-link"
              onClick={() => (setUseRecovery(!useRecovery), setCode(''))}
            >
              {useRecovery ? t('login.useTotpCode') : t('login.useRecoveryCode')}
            </button>
          </>
        )}
        <ErrorAlert error={shownError} />
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('login.submit')}
        </button>
      </form>
      {!secondStep && (
        <div className="sso">
          <Button
            variant="secondary"
            busy={sso.busy}
            disabled={!email.trim()}
            title={email.trim() ? undefined : t('login.ssoNeedsEmail')}
            onClick={() => void sso.submit(email.trim())}
          >
            {t('login.sso')}
          </Button>
          <ErrorAlert error={sso.error} />
        </div>
      )}
      <p>
        <a href={href('/password-forgotten')}>{t('login.forgotPassword')}</a>
      </p>
    </section>
  );
}
