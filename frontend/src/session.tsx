/**
 * Who is signed in. Two kinds of session:
 * - a sign-in through the organisation's provider (OpenID Connect): the server keeps it in an
 *   HttpOnly cookie the app cannot read, and /auth/session says who it is;
 * - the demo sign-in: a bearer token, kept for this browser tab only.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { CSRF_HEADER, setToken, whenUnauthorised } from "./api/client";

export type Role = "member" | "staff" | "partner" | "admin";

export interface User {
  id: string;
  name: string;
  role: Role;
  /** The member or partner this user is, when there is one. */
  subjectId: string | null;
}

/** The ways to sign in this server offers (from /auth/session). */
export interface SignInOptions {
  provider: { name: string; loginUrl: string } | null;
  demoSignIn: boolean;
}

interface Session {
  user: User | null;
  /** null until the server has said. */
  options: SignInOptions | null;
  /**
   * True from a provider session's sign-out until the browser leaves for the provider's sign-out
   * page: a sign-in started meanwhile would reach the provider while its session still lasts.
   */
  signingOut: boolean;
  signIn: (token: string, user: User) => void;
  signOut: () => void;
}

interface ServerSession extends SignInOptions {
  viewer: { id: string; name: string; role: string } | null;
}

const KEY = "matchmaker.session";
const SessionContext = createContext<Session | null>(null);
const APP_HEADERS = { [CSRF_HEADER.name]: CSRF_HEADER.value };

export function roleOf(value: string): Role {
  const v = value.toLowerCase();
  return v === "staff" || v === "partner" || v === "admin" ? v : "member";
}

export function userOf(viewer: { id: string; name: string; role: string }): User {
  const role = roleOf(viewer.role);
  const subjectId = role === "member" || role === "partner" ? viewer.id : null;
  return { id: viewer.id, name: viewer.name, role, subjectId };
}

/** Where the provider's sign-in starts, coming back to `path` (e.g. "/#/profile"). */
export function loginUrl(options: SignInOptions, path: string): string {
  const base = options.provider?.loginUrl ?? "/auth/login";
  return path && path !== "/" ? `${base}?next=${encodeURIComponent(path)}` : base;
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

/** The server's answer; a server without /auth/session offers the demo sign-in only. */
async function serverSession(): Promise<ServerSession> {
  try {
    const answer = await fetch("/auth/session", { headers: APP_HEADERS, credentials: "same-origin" });
    if (answer.ok) return (await answer.json()) as ServerSession;
  } catch {
    // fall through: the sign-in page says what it can
  }
  return { viewer: null, provider: null, demoSignIn: true };
}

/** Ends the cookie session on the server; resolves to the provider's sign-out page, or "/" without one. */
async function endProviderSession(): Promise<string> {
  try {
    const answer = await fetch("/auth/logout", { method: "POST", headers: APP_HEADERS, credentials: "same-origin" });
    return answer.ok ? ((await answer.json()) as { redirect: string }).redirect : "/";
  } catch {
    return "/";
  }
}

/** The app's address to come back to (its routes live in the hash). */
export function here(): string {
  return `/${window.location.hash}`;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [saved] = useState(restore);
  const [user, setUser] = useState<User | null>(saved?.user ?? null);
  const [options, setOptions] = useState<SignInOptions | null>(null);
  const [byCookie, setByCookie] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  useEffect(() => {
    let live = true;
    void serverSession().then((s) => {
      if (!live) return;
      setOptions({ provider: s.provider, demoSignIn: s.demoSignIn });
      if (s.viewer && !saved) {
        setUser(userOf(s.viewer));
        setByCookie(true);
      }
    });
    return () => {
      live = false;
    };
  }, [saved]);

  const signIn = useCallback((token: string, next: User) => {
    setToken(token);
    sessionStorage.setItem(KEY, JSON.stringify({ token, user: next }));
    setUser(next);
  }, []);

  const signOut = useCallback(() => {
    setToken(null);
    sessionStorage.removeItem(KEY);
    setUser(null);
    if (!byCookie) return;
    setByCookie(false);
    setSigningOut(true); // until the browser has left: the page unloads, nothing resets it
    void endProviderSession().then((redirect) => window.location.assign(redirect));
  }, [byCookie]);

  // A provider's session whose token ran out signs in again through the provider, which
  // answers without a password while its own session lasts; a demo session just ends.
  const ended = useCallback(() => {
    if (byCookie && options?.provider) window.location.assign(loginUrl(options, here()));
    else signOut();
  }, [byCookie, options, signOut]);
  useEffect(() => whenUnauthorised(ended), [ended]);

  const value = useMemo(() => ({ user, options, signingOut, signIn, signOut }), [user, options, signingOut, signIn, signOut]);
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
