import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  loadKnownTokens,
  loadSession,
  storeKnownTokens,
  storeSession,
  type Role,
  type Session,
} from './session';

export interface SessionState {
  session: Session | null;
  /** Tokens pasted before, one per role, to switch between. */
  known: Session[];
  signIn(session: Session, alsoKnown?: Session[]): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const [known, setKnown] = useState<Session[]>(loadKnownTokens);
  const signIn = useCallback((next: Session, alsoKnown: Session[] = []) => {
    storeSession(next);
    setSession(next);
    setKnown((current) => {
      const merged = [...current, ...alsoKnown, next];
      storeKnownTokens(merged);
      return loadKnownTokens();
    });
  }, []);
  const signOut = useCallback(() => {
    storeSession(null);
    setSession(null);
  }, []);
  const value = useMemo(
    () => ({ session, known, signIn, signOut }),
    [session, known, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The pages of the client and the roles that use them, in menu order. */
export const PAGES = [
  {
    path: '/',
    label: 'nav.dashboard',
    roles: ['SERVICE_BUREAU_ADMIN', 'CITY_LEADER', 'SUPERVISION_STAFF', 'DEPARTMENT_STAFF'],
  },
  {
    path: '/desk',
    label: 'nav.desk',
    roles: ['SERVICE_BUREAU_ADMIN', 'ACCEPTANCE_CLERK', 'DEPARTMENT_STAFF'],
  },
  {
    path: '/supervision',
    label: 'nav.supervision',
    roles: ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF', 'CITY_LEADER', 'DEPARTMENT_STAFF'],
  },
  {
    path: '/lobby',
    label: 'nav.lobby',
    roles: [
      'SERVICE_BUREAU_ADMIN',
      'CITY_LEADER',
      'SUPERVISION_STAFF',
      'DEPARTMENT_STAFF',
      'ACCEPTANCE_CLERK',
      'LOBBY_DISPLAY',
    ],
  },
  { path: '/partner', label: 'nav.partner', roles: ['PARTNER'] },
] as const satisfies readonly { path: string; label: string; roles: readonly Role[] }[];

export function mayUse(role: Role, path: (typeof PAGES)[number]['path']): boolean {
  const page = PAGES.find((candidate) => candidate.path === path);
  return page !== undefined && (page.roles as readonly Role[]).includes(role);
}

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  return PAGES.find((page) => (page.roles as readonly Role[]).includes(role))?.path ?? '/sign-in';
}
