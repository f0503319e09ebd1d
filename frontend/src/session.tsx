/** Who is signed in: the token and the user it belongs to, kept for this browser tab only. */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { setToken, whenUnauthorised } from "./api/client";

export type Role = "member" | "staff" | "partner" | "admin";

export interface User {
  id: string;
  name: string;
  role: Role;
  /** The member or partner this user is, when there is one. */
  subjectId: string | null;
}

interface Session {
  user: User | null;
  signIn: (token: string, user: User) => void;
  signOut: () => void;
}

const KEY = "matchmaker.session";
const SessionContext = createContext<Session | null>(null);

export function roleOf(value: string): Role {
  const v = value.toLowerCase();
  return v === "staff" || v === "partner" || v === "admin" ? v : "member";
}

function restore(): { token: string; user: User } | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as { token: string; user: User } | null;
    if (saved?.token) setToken(saved.token);
    return saved;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(() => restore()?.user ?? null);
  const signIn = useCallback((token: string, next: User) => {
    setToken(token);
    sessionStorage.setItem(KEY, JSON.stringify({ token, user: next }));
    setUser(next);
  }, []);
  const signOut = useCallback(() => {
    setToken(null);
    sessionStorage.removeItem(KEY);
    setUser(null);
  }, []);
  useEffect(() => whenUnauthorised(signOut), [signOut]);
  const value = useMemo(() => ({ user, signIn, signOut }), [user, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

/** The signed-in user; only used under views that require one. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error("no signed-in user");
  return user;
}

export function isStaff(user: User | null): boolean {
  return user?.role === "staff" || user?.role === "admin";
}
