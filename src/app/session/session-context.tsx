import { createContext, useContext, type ReactNode } from 'react';
import { demoSession, type Session } from './session';

const SessionContext = createContext<Session>(demoSession);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export const useSession = (): Session => useContext(SessionContext);
