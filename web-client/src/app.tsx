import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { Provider as UrqlProvider } from 'urql';
import { Link, Redirect, Route, Switch, useLocation } from 'wouter';
import { homeOf, mayUse, PAGES, SessionProvider, useSession } from './auth/session-context';
import { decodeToken, type Session } from './auth/session';
import { createHallClients, type HallClients } from './graphql/client';
import { HallClientsContext } from './graphql/live';
import { I18nProvider, useI18n } from './i18n/i18n';
import { SignInPage } from './pages/sign-in.page';

// The dashboard pages carry the chart library: loaded when first visited, so the lobby
// screen and the desk start without it.
const DashboardPage = lazy(() =>
  import('./pages/dashboard.page').then((module) => ({ default: module.DashboardPage })),
);
const DepartmentPage = lazy(() =>
  import('./pages/department.page').then((module) => ({ default: module.DepartmentPage })),
);
const MatterPage = lazy(() =>
  import('./pages/matter.page').then((module) => ({ default: module.MatterPage })),
);
const CasePage = lazy(() =>
  import('./pages/case.page').then((module) => ({ default: module.CasePage })),
);
const LobbyPage = lazy(() =>
  import('./pages/lobby.page').then((module) => ({ default: module.LobbyPage })),
);
const DeskPage = lazy(() =>
  import('./pages/desk.page').then((module) => ({ default: module.DeskPage })),
);
const PartnerPage = lazy(() =>
  import('./pages/partner.page').then((module) => ({ default: module.PartnerPage })),
);
const SupervisionPage = lazy(() =>
  import('./pages/supervision.page').then((module) => ({ default: module.SupervisionPage })),
);

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <LobbyTokenFromUrl />
        <Routes />
      </SessionProvider>
    </I18nProvider>
  );
}

/**
 * A lobby screen is set up by opening /lobby?token=…: the token is kept like a pasted one
 * and taken out of the address bar, so it does not linger in the screen's history.
 */
function LobbyTokenFromUrl() {
  const { session, signIn } = useSession();
  const [location] = useLocation();
  useEffect(() => {
    if (location !== '/lobby') return;
    const params = new URLSearchParams(window.location.search);
    const token = params.get('token');
    if (!token) return;
    const fromUrl = decodeToken(token);
    if (fromUrl && fromUrl.token !== session?.token) signIn(fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', `/lobby${rest ? `?${rest}` : ''}`);
  }, [location, session, signIn]);
  return null;
}

function Routes() {
  const { session } = useSession();
  const [location] = useLocation();
  const lobbyTokenPending =
    location === '/lobby' && new URLSearchParams(window.location.search).has('token');
  if (lobbyTokenPending) return null;
  if (!session) {
    return location === '/sign-in' ? <SignInPage /> : <Redirect to="/sign-in" replace />;
  }
  return (
    <SignedIn session={session}>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/sign-in">
            <SignInPage />
          </Route>
          <Route path="/lobby">
            <Guard path="/lobby">
              <LobbyPage />
            </Guard>
          </Route>
          <Route path="/">
            <Shell>
              <Guard path="/">
                <DashboardPage />
              </Guard>
            </Shell>
          </Route>
          <Route path="/departments/:id">
            {(params) => (
              <Shell>
                <Guard path="/">
                  <DepartmentPage id={params.id} />
                </Guard>
              </Shell>
            )}
          </Route>
          <Route path="/matters/:id">
            {(params) => (
              <Shell>
                <Guard path="/">
                  <MatterPage id={params.id} />
                </Guard>
              </Shell>
            )}
          </Route>
          <Route path="/cases/:id">
            {(params) => (
              <Shell>
                <CasePage id={params.id} />
              </Shell>
            )}
          </Route>
          <Route path="/desk">
            <Shell>
              <Guard path="/desk">
                <DeskPage />
              </Guard>
            </Shell>
          </Route>
          <Route path="/supervision">
            <Shell>
              <Guard path="/supervision">
                <SupervisionPage />
              </Guard>
            </Shell>
          </Route>
          <Route path="/partner">
            <Shell>
              <Guard path="/partner">
                <PartnerPage />
              </Guard>
            </Shell>
          </Route>
          <Route>
            <Redirect to={homeOf(session.role)} replace />
          </Route>
        </Switch>
      </Suspense>
    </SignedIn>
  );
}

function Loading() {
  const { t } = useI18n();
  return <p className="notice notice-muted page-loading">{t('common.loading')}</p>;
}

/** The two clients of the session, made again whenever the token changes. */
function SignedIn({ session, children }: { session: Session; children: ReactNode }) {
  const { language } = useI18n();
  const { signOut } = useSession();
  const [, navigate] = useLocation();
  const languageRef = useRef(language);
  useEffect(() => {
    languageRef.current = language;
  }, [language]);
  const expire = useRef(() => {});
  useEffect(() => {
    expire.current = () => {
      // The lobby keeps its screen and shows the refusal; a person is sent to sign in.
      if (window.location.pathname === '/lobby') return;
      signOut();
      navigate('/sign-in');
    };
  }, [signOut, navigate]);
  const clients = useMemo<HallClients>(
    () =>
      createHallClients(
        session.token,
        () => (languageRef.current === 'en' ? 'en' : 'zh-CN'),
        () => expire.current(),
      ),
    [session.token],
  );
  useEffect(() => () => clients.dispose(), [clients]);
  return (
    <HallClientsContext.Provider value={clients}>
      <UrqlProvider value={clients.http}>{children}</UrqlProvider>
    </HallClientsContext.Provider>
  );
}

function Guard({ path, children }: { path: (typeof PAGES)[number]['path']; children: ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  if (!session) return null;
  if (!mayUse(session.role, path)) {
    const home = homeOf(session.role);
    if (home !== path && home !== '/sign-in') return <Redirect to={home} replace />;
    return <p className="notice notice-muted">{t('common.noAccess')}</p>;
  }
  return <>{children}</>;
}

function Shell({ children }: { children: ReactNode }) {
  const { session, known, signIn, signOut } = useSession();
  const { t, language, setLanguage } = useI18n();
  const [location, navigate] = useLocation();
  if (!session) return null;
  const pages = PAGES.filter((page) => mayUse(session.role, page.path));
  const active = (path: string) =>
    path === '/'
      ? location === '/' || /^\/(departments|matters|cases)\//.test(location)
      : location.startsWith(path);
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            政
          </span>
          <div>
            <div className="brand-title">{t('app.title')}</div>
            <div className="brand-subtitle">{t('app.subtitle')}</div>
          </div>
        </div>
        <nav className="nav">
          {pages.map((page) => (
            <Link
              key={page.path}
              href={page.path}
              className={active(page.path) ? 'nav-link active' : 'nav-link'}
            >
              {t(page.label)}
            </Link>
          ))}
        </nav>
        <div className="topbar-tools">
          <select
            className="role-switch"
            aria-label={t('nav.switchRole')}
            value={session.token}
            onChange={(event) => {
              const next = known.find((candidate) => candidate.token === event.target.value);
              if (next) {
                signIn(next);
                navigate(homeOf(next.role));
              }
            }}
            data-testid="role-switch"
          >
            {[session, ...known.filter((candidate) => candidate.token !== session.token)].map(
              (candidate) => (
                <option key={candidate.token} value={candidate.token}>
                  {t(`role.${candidate.role}`)}
                </option>
              ),
            )}
          </select>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
            data-testid="language-switch"
          >
            {t('nav.language')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              signOut();
              navigate('/sign-in');
            }}
          >
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main className="main">{children}</main>
    </div>
  );
}
