import createClient from 'openapi-fetch';

import type { ErrorCode, FieldProblem, ProblemDetails } from '@wc/contracts';

import type { components, paths } from './schema';

/**
 * The typed API client: `openapi-fetch` over the types `openapi-typescript` generates from the
 * committed openapi.json (`npm run web:api-types`). The app is served by the API, so requests go
 * to the same origin. Tokens live in sessionStorage (one login per tab: refresh tokens rotate, and
 * two tabs sharing one would look like token re-use to the server and revoke the session).
 */
export type Schemas = components['schemas'];

export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

const STORAGE_KEY = 'overleg.session';
let tokens: Tokens | null = readTokens();
const listeners = new Set<(signedIn: boolean) => void>();

function readTokens(): Tokens | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Tokens) : null;
  } catch {
    return null;
  }
}

export function setTokens(next: Tokens | null): void {
  tokens = next;
  if (next) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } else {
    sessionStorage.removeItem(STORAGE_KEY);
  }
  listeners.forEach((listener) => listener(next !== null));
}

export function accessToken(): string | null {
  return tokens?.accessToken ?? null;
}

export function onSessionChange(listener: (signedIn: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The API's stable codes, plus the client's own for an answer without one or none at all. */
export type ClientErrorCode = ErrorCode | `http.${number}` | 'network.unreachable';

/** A problem+json answer (RFC 9457) with the API's stable `code`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
    readonly body: Partial<ProblemDetails> = {},
  ) {
    super(detail || code);
  }
}

let refreshing: Promise<boolean> | null = null;

/** One refresh at a time; a failed refresh ends the session. */
export function refreshSession(): Promise<boolean> {
  const current = tokens;
  if (!current) {
    return Promise.resolve(false);
  }
  refreshing ??= fetch('/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  })
    .then(async (response) => {
      if (!response.ok) {
        setTokens(null);
        return false;
      }
      const pair = (await response.json()) as Tokens;
      setTokens({ accessToken: pair.accessToken, refreshToken: pair.refreshToken });
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

const PUBLIC_AUTH = /\/auth\/(login|refresh|logout)$/;

/** Adds the bearer token; on 401 refreshes once and repeats the request. */
async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const withToken = (request: Request) => {
    const token = accessToken();
    if (token && !PUBLIC_AUTH.test(new URL(request.url).pathname)) {
      request.headers.set('authorization', `Bearer ${token}`);
    }
    return request;
  };
  const response = await fetch(withToken(input));
  if (response.status !== 401 || !tokens || PUBLIC_AUTH.test(new URL(input.url).pathname)) {
    return response;
  }
  return (await refreshSession()) ? fetch(withToken(retry)) : response;
}

export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: authFetch });

/** A same-origin request with the session's token, for files the typed client does not parse. */
export function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  return authFetch(new Request(new URL(path, window.location.origin), init));
}

/** Fetches a file (PDF export, a document version) with the token and hands it to the browser. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await authorizedFetch(path);
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({}))) as Partial<ProblemDetails>;
    throw new ApiError(
      response.status,
      problem.code ?? `http.${response.status}`,
      problem.detail ?? response.statusText,
    );
  }
  const name =
    /filename="?([^";]+)"?/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
    fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a successful answer, or an ApiError carrying the problem's code and field errors. */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch {
    throw new ApiError(0, 'network.unreachable', '');
  }
  const { data, error, response } = outcome;
  if (!response.ok) {
    const problem = (error ?? {}) as Partial<ProblemDetails>;
    throw new ApiError(
      response.status,
      problem.code ?? `http.${response.status}`,
      problem.detail ?? response.statusText,
      problem.errors ?? [],
      problem,
    );
  }
  return data as T;
}

/** The API's page shape (one convention for every collection: `?limit=&cursor=`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of a paged collection, following `nextCursor` page by page. */
export async function allPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
