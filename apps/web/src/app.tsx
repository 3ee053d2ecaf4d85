import { type ReactNode, useEffect, useRef } from 'react';

import { Bell } from './components/bell';
import { ConnectionBanner } from './components/connection-banner';
import { LanguageSwitch } from './components/language-switch';
import { SearchBox } from './components/search-box';
import { Loading } from './components/ui';
import { useI18n } from './i18n';
import { AcceptInvitationPage } from './pages/accept-invitation';
import { AiSystemPage, AiSystemsPage } from './pages/ai-systems';
import { CasePage } from './pages/case-page';
import { CasesPage } from './pages/cases';
import { HomePage } from './pages/home';
import { IntakePage } from './pages/intake';
import { LoginPage } from './pages/login';
import { ForgotPasswordPage, ResetPasswordPage } from './pages/password-reset';
import { SurveyAnswerPage } from './pages/survey-answer';
import { MeetingPage, MeetingsPage } from './pages/meetings';
import { NewCasePage } from './pages/new-case';
import { NotificationsPage } from './pages/notifications';
import { SearchPage } from './pages/search';
import { SecondFactorRequiredPage, SettingsPage } from './pages/settings';
import { SsoCallbackPage } from './pages/sso-callback';
import { QueryProvider } from './queries';
import { RealtimeProvider } from './realtime';
import { Link, match, useLocation } from './router';
import { SessionProvider, useSession } from './session';

export function App() {
  return (
    <SessionProvider>
      {({ signedIn, ready, enrolling }) => (
        // An enrolment-only session gets no socket (the server refuses it).
        <RealtimeProvider signedIn={signedIn && !enrolling}>
          <QueryProvider signedIn={signedIn}>
            <Shell signedIn={signedIn} ready={ready} enrolling={enrolling} />
          </QueryProvider>
        </RealtimeProvider>
      )}
    </SessionProvider>
  );
}

function Shell({
  signedIn,
  ready,
  enrolling,
}: {
  signedIn: boolean;
  ready: boolean;
  enrolling: boolean;
}) {
  const location = useLocation();
  const { t } = useI18n();
  const mainRef = useRef<HTMLElement>(null);

  // After a navigation to another screen (not another tab of the same case), move focus to the
  // new page's heading, so keyboard and screen-reader users start at its top.
  const screen = location.path.split('/').slice(0, 3).join('/');
  const firstScreen = useRef(true);
  useEffect(() => {
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const frame = window.requestAnimationFrame(() =>
      (document.getElementById('page-title') ?? mainRef.current)?.focus({ preventScroll: true }),
    );
    return () => window.cancelAnimationFrame(frame);
  }, [screen]);

  if (!ready) {
    return (
      <main id="main" className="container">
        <Loading />
      </main>
    );
  }
  if (location.path === '/invitation') {
    return (
      <PublicFrame>
        <AcceptInvitationPage token={location.query.get('token') ?? ''} />
      </PublicFrame>
    );
  }
  if (location.path === '/survey') {
    // Answering a survey needs no account, and a signed-in colleague answers anonymously too.
    return (
      <PublicFrame>
        <SurveyAnswerPage token={location.query.get('token') ?? ''} />
      </PublicFrame>
    );
  }
  if (location.path === '/password-reset') {
    return (
      <PublicFrame>
        <ResetPasswordPage token={location.query.get('token') ?? ''} />
      </PublicFrame>
    );
  }
  if (location.path === '/sso-callback') {
    return (
      <PublicFrame>
        <SsoCallbackPage query={location.query} />
      </PublicFrame>
    );
  }
  if (!signedIn && location.path === '/password-forgotten') {
    return (
      <PublicFrame>
        <ForgotPasswordPage />
      </PublicFrame>
    );
  }
  if (!signedIn) {
    return (
      <PublicFrame>
        <LoginPage />
      </PublicFrame>
    );
  }
  if (enrolling) {
    return (
      <PublicFrame>
        <SecondFactorRequiredPage />
      </PublicFrame>
    );
  }
  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => (e.preventDefault(), mainRef.current?.focus())}
      >
        {t('nav.skip')}
      </a>
      <TopBar path={location.path} />
      <ConnectionBanner />
      <main id="main" className="container" ref={mainRef} tabIndex={-1}>
        <Route path={location.path} query={location.query} />
      </main>
    </>
  );
}

function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="topbar topbar-public">
        <span className="brand">Overleg</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="container narrow">
        {children}
      </main>
    </>
  );
}

function TopBar({ path }: { path: string }) {
  const { t } = useI18n();
  const { me, roles, logout } = useSession();
  const current = (prefix: string) =>
    (prefix === '/' ? path === '/' : path.startsWith(prefix)) ? 'page' : undefined;
  return (
    <header className="topbar">
      <Link to="/" className="brand">
        Overleg
      </Link>
      <nav aria-label={t('nav.main')} className="main-nav">
        <ul>
          <li>
            <Link to="/" aria-current={current('/')}>
              {t('nav.home')}
            </Link>
          </li>
          <li>
            <Link to="/cases" aria-current={current('/cases')}>
              {t('nav.cases')}
            </Link>
          </li>
          {(roles.employer || roles.council || roles.orgAdmin) && (
            <li>
              <Link to="/ai-systems" aria-current={current('/ai-systems')}>
                {t('nav.aiSystems')}
              </Link>
            </li>
          )}
          {(roles.employer || roles.council) && (
            <li>
              <Link to="/meetings" aria-current={current('/meetings')}>
                {t('nav.meetings')}
              </Link>
            </li>
          )}
          {(roles.employer || roles.council) && (
            <li>
              <Link to="/intake" aria-current={current('/intake')}>
                {t('nav.intake')}
              </Link>
            </li>
          )}
          <li>
            <Link to="/settings" aria-current={current('/settings')}>
              {t('nav.settings')}
            </Link>
          </li>
        </ul>
      </nav>
      <div className="topbar-tools">
        <SearchBox />
        <Bell />
        <LanguageSwitch />
        <span className="user-name" title={me?.email}>
          {me?.displayName}
        </span>
        <button type="button" className="button button-link" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </div>
    </header>
  );
}

function Route({ path, query }: { path: string; query: URLSearchParams }) {
  const { t } = useI18n();
  if (path === '/') {
    return <HomePage />;
  }
  if (path === '/cases') {
    return <CasesPage />;
  }
  if (path === '/cases/new') {
    return <NewCasePage aiSystemId={query.get('aiSystemId') ?? undefined} />;
  }
  let params = match('/cases/:caseId', path);
  if (params) {
    return <CasePage caseId={params.caseId} tab={query.get('tab') ?? 'overview'} />;
  }
  params = match('/cases/:caseId/:tab', path);
  if (params) {
    return <CasePage caseId={params.caseId} tab={params.tab} />;
  }
  if (path === '/ai-systems') {
    return <AiSystemsPage />;
  }
  params = match('/ai-systems/:aiSystemId', path);
  if (params) {
    return <AiSystemPage aiSystemId={params.aiSystemId} />;
  }
  if (path === '/meetings') {
    return <MeetingsPage />;
  }
  params = match('/meetings/:meetingId', path);
  if (params) {
    return <MeetingPage meetingId={params.meetingId} />;
  }
  if (path === '/notifications') {
    return <NotificationsPage />;
  }
  if (path === '/intake') {
    return <IntakePage />;
  }
  if (path === '/search') {
    return <SearchPage q={query.get('q') ?? ''} />;
  }
  if (path === '/settings' || path.startsWith('/settings/')) {
    return <SettingsPage />;
  }
  return (
    <section>
      <h1 id="page-title" tabIndex={-1}>
        {t('error.notFoundTitle')}
      </h1>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </section>
  );
}
