import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from 'react';

import { accessToken, api, onSessionChange, type Schemas, setTokens, unwrap } from './api/client';
import type { Language } from './format';
import { I18nProvider } from './i18n';

export type Me = Schemas['MeResponse'];

/** The roles a user holds, folded into the questions the screens ask. */
export interface Roles {
  employer: boolean;
  council: boolean;
  board: boolean;
  union: boolean;
  orgAdmin: boolean;
  expert: boolean;
  /** The platform operator: provisions organisations, sees none of their cases. */
  platformAdmin: boolean;
}

export interface Session {
  me: Me | null;
  roles: Roles;
  language: Language;
  /** `proof`: the second factor, when the server asked for it (auth.second_factor_required). */
  login: (
    email: string,
    password: string,
    proof?: { totpCode?: string; recoveryCode?: string },
  ) => Promise<void>;
  logout: () => Promise<void>;
  setLanguage: (language: Language) => Promise<void>;
  reload: () => Promise<void>;
  signIn: (tokens: { accessToken: string; refreshToken: string }) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);
const LANGUAGE_KEY = 'overleg.language';

export function rolesOf(me: Me | null): Roles {
  const has = (...roles: string[]) => (me?.memberships ?? []).some((m) => roles.includes(m.role));
  return {
    employer: has('hr_manager', 'employer_representative'),
    council: has('council_chair', 'council_secretary', 'council_member', 'committee_member'),
    board: has('council_chair', 'council_secretary'),
    union: has('union_officer'),
    orgAdmin: has('org_admin'),
    expert: has('external_expert'),
    platformAdmin: has('platform_admin'),
  };
}

function storedLanguage(): Language {
  const value = localStorage.getItem(LANGUAGE_KEY);
  return value === 'en' ? 'en' : 'nl';
}

export function SessionProvider({
  children,
}: {
  /** `enrolling`: signed in, but the organisation requires a second factor the account lacks. */
  children: (state: { signedIn: boolean; ready: boolean; enrolling: boolean }) => ReactNode;
}) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const [language, setLanguageState] = useState<Language>(storedLanguage);

  const reload = useCallback(async () => {
    if (!accessToken()) {
      setMe(null);
      setReady(true);
      return;
    }
    try {
      const next = await unwrap(api.GET('/auth/me'));
      setMe(next);
      setLanguageState(next.language);
      localStorage.setItem(LANGUAGE_KEY, next.language);
    } catch {
      setMe(null);
    } finally {
      setReady(true);
    }
  }, []);

  useEffect(() => {
    void reload();
    return onSessionChange((signedIn) => {
      if (!signedIn) {
        setMe(null);
      }
    });
  }, [reload]);

  const signIn = useCallback(
    async (tokens: { accessToken: string; refreshToken: string }) => {
      setTokens(tokens);
      await reload();
    },
    [reload],
  );

  const login = useCallback(
    async (
      email: string,
      password: string,
      proof: { totpCode?: string; recoveryCode?: string } = {},
    ) => {
      const pair = await unwrap(api.POST('/auth/login', { body: { email, password, ...proof } }));
      await signIn(pair);
    },
    [signIn],
  );

  const logout = useCallback(async () => {
    const raw = sessionStorage.getItem('overleg.session');
    const refreshToken = raw
      ? (JSON.parse(raw) as { refreshToken?: string }).refreshToken
      : undefined;
    if (refreshToken) {
      await api.POST('/auth/logout', { body: { refreshToken } }).catch(() => undefined);
    }
    setTokens(null);
    setMe(null);
  }, []);

  const setLanguage = useCallback(
    async (next: Language) => {
      setLanguageState(next);
      localStorage.setItem(LANGUAGE_KEY, next);
      if (me) {
        setMe(await unwrap(api.PATCH('/auth/me', { body: { language: next } })));
      }
    },
    [me],
  );

  const value = useMemo<Session>(
    () => ({ me, roles: rolesOf(me), language, login, logout, setLanguage, reload, signIn }),
    [me, language, login, logout, setLanguage, reload, signIn],
  );

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <SessionContext.Provider value={value}>
      <I18nProvider language={language}>
        {children({
          signedIn: me !== null,
          ready,
          enrolling: me?.secondFactorEnrolmentRequired === true,
        })}
      </I18nProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error('SessionProvider missing');
  }
  return session;
}

/** The session of a signed-in screen. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) {
    throw new Error('not signed in');
  }
  return me;
}
