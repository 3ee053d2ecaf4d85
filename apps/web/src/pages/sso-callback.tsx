import { useEffect, useRef } from 'react';

import { api, unwrap } from '../api/client';
import { ErrorAlert, Loading, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { useSession } from '../session';

/** Where the started sign-in's state waits for the identity provider's answer (this tab only). */
const STATE_KEY = 'overleg.sso-state';

/** Asks the server where the organisation of this address signs in, and goes there. */
export async function startSingleSignOn(email: string): Promise<void> {
  const started = await unwrap(api.POST('/auth/sso/authorizations', { body: { email } }));
  sessionStorage.setItem(STATE_KEY, started.state);
  window.location.assign(started.authorizationUrl);
}

/**
 * The redirect URI's screen: the answer must carry the state this tab started with (so nobody
 * can slip a sign-in of theirs into this browser), then the server exchanges the code.
 */
export function SsoCallbackPage({ query }: { query: URLSearchParams }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const finish = useMutation(async () => {
    const state = query.get('state') ?? '';
    const expected = sessionStorage.getItem(STATE_KEY);
    sessionStorage.removeItem(STATE_KEY);
    if (!state || state !== expected) {
      throw new Error('state');
    }
    const iss = query.get('iss');
    const tokens = await unwrap(
      api.POST('/auth/sso/callback', {
        body: { code: query.get('code') ?? '', state, ...(iss ? { iss } : {}) },
      }),
    );
    await signIn(tokens);
    navigate('/', { replace: true });
  });
  const started = useRef(false);
  useEffect(() => {
    // Once: the state is used up by the first attempt.
    if (!started.current) {
      started.current = true;
      void finish.submit();
    }
  }, [finish]);
  const mismatch = finish.error instanceof Error && finish.error.message === 'state';
  return (
    <section className="card auth-card" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        {t('login.sso')}
      </h1>
      {finish.busy && (
        <>
          <p>{t('login.ssoBusy')}</p>
          <Loading />
        </>
      )}
      {mismatch ? (
        <div className="alert alert-error" role="alert">
          <p>{t('login.ssoStateMismatch')}</p>
        </div>
      ) : (
        <ErrorAlert error={finish.error} />
      )}
      {finish.error !== undefined && (
        <p>
          <a href={href('/')}>{t('login.ssoBack')}</a>
        </p>
      )}
    </section>
  );
}
