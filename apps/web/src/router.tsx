import { type AnchorHTMLAttributes, type ReactNode, useEffect, useState } from 'react';

/**
 * A small hash router: the API owns the real paths (`/cases/:id` answers JSON), so the app's
 * screens live after the `#`. Links from e-mails (`/cases/<id>`, `/invitations/accept#token=…`,
 * `/password-reset#token=…`)
 * are served the app by the API and turned into hash routes here.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
}

function current(): Location {
  const hash = window.location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

/** Moves a deep link (`/cases/<id>`) or an invitation link into the hash once, at start. */
export function adoptDeepLink(): void {
  const { pathname, hash } = window.location;
  if (pathname === '/' || pathname === '/index.html') {
    return;
  }
  if (pathname === '/password-reset') {
    const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
    window.history.replaceState(null, '', `/#/password-reset?token=${encodeURIComponent(token)}`);
    return;
  }
  if (pathname === '/survey') {
    // A survey invitation: the token stays in the fragment, never sent to a server.
    const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
    window.history.replaceState(null, '', `/#/survey?token=${encodeURIComponent(token)}`);
    return;
  }
  if (pathname === '/sso/callback') {
    // The identity provider's answer (code, state, iss) arrives in the query string.
    window.history.replaceState(null, '', `/#/sso-callback${window.location.search}`);
    return;
  }
  if (pathname === '/invitations/accept') {
    const token = new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
    window.history.replaceState(null, '', `/#/invitation?token=${encodeURIComponent(token)}`);
    return;
  }
  window.history.replaceState(null, '', `/#${pathname}${window.location.search}`);
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return location;
}

export function navigate(to: string, { replace = false } = {}): void {
  const target = `#${to}`;
  if (replace) {
    window.history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = to;
  }
}

export function href(to: string): string {
  return `#${to}`;
}

/** Matches `/cases/:caseId` against a path; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) {
    return null;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      params[want[i].slice(1)] = decodeURIComponent(have[i]);
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}

export function Link({
  to,
  children,
  ...rest
}: { to: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  return (
    <a href={href(to)} {...rest}>
      {children}
    </a>
  );
}
