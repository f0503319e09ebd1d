/** The shell: header, navigation for the signed-in role, and the page for the current route. */
import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { Link, useRoute, type Route } from "./router";
import { isStaff, useSession, type User } from "./session";
import { label } from "./format";
import { SignIn } from "./SignIn";
import { ProfilePage } from "./member/ProfilePage";
import { CallsPage } from "./member/CallsPage";
import { IdeaNewPage } from "./member/IdeaNewPage";
import { IdeaPage } from "./member/IdeaPage";
import { DashboardPage } from "./steric/DashboardPage";
import { AssemblePage } from "./steric/AssemblePage";
import { SiloMapPage } from "./steric/SiloMapPage";
import { SkillsPage } from "./steric/SkillsPage";
import { GroupPage } from "./steric/GroupPage";
import { SearchPage } from "./partner/SearchPage";
import { IdeasBoardPage } from "./partner/IdeasBoardPage";
import { KtpPage } from "./partner/KtpPage";
import { MemberPage } from "./member/MemberPage";
import { Loading } from "./components/States";

// The network view carries the graph library; it loads when first opened.
const GraphPage = lazy(() => import("./graph/GraphPage").then((m) => ({ default: m.GraphPage })));

interface NavItem {
  to: string;
  text: string;
}

function navFor(user: User): NavItem[] {
  const member = [
    { to: "/calls", text: "Calls and my ideas" },
    { to: "/ideas", text: "Others' ideas" },
    { to: "/profile", text: "My profile" },
  ];
  const steric = [
    { to: "/steric", text: "Dashboard" },
    { to: "/steric/assemble", text: "Assemble a group" },
    { to: "/steric/silos", text: "Silo map" },
    { to: "/steric/skills", text: "Skills vocabulary" },
  ];
  const partner = [
    { to: "/search", text: "Find expertise" },
    { to: "/ideas", text: "Ideas" },
    { to: "/ktp", text: "KTP triads" },
  ];
  if (isStaff(user)) return [...steric, { to: "/search", text: "Search" }, { to: "/ktp", text: "KTP triads" }];
  if (user.role === "partner") return partner;
  return [...member, { to: "/search", text: "Search" }];
}

function homeFor(user: User): string {
  if (isStaff(user)) return "/steric";
  if (user.role === "partner") return "/search";
  return "/calls";
}

function page(route: Route): ReactNode {
  const [a = "", b, c] = route.parts;
  const q = route.query;
  switch (a) {
    case "profile":
      return <ProfilePage />;
    case "calls":
      return <CallsPage />;
    case "ideas":
      if (b === "new") return <IdeaNewPage callId={q.get("call")} />;
      if (b) return <IdeaPage id={b} />;
      return <IdeasBoardPage />;
    case "members":
      return b ? <MemberPage id={b} /> : null;
    case "groups":
      return b ? <GroupPage id={b} /> : null;
    case "steric":
      if (b === "assemble") return <AssemblePage />;
      if (b === "silos") return <SiloMapPage />;
      if (b === "skills") return <SkillsPage />;
      return <DashboardPage />;
    case "search":
      return <SearchPage query={q} />;
    case "ktp":
      return <KtpPage />;
    case "graph":
      return b && c ? (
        <Suspense fallback={<Loading label="Loading the network view" />}>
          <GraphPage kind={b} id={c} />
        </Suspense>
      ) : null;
    default:
      return null;
  }
}

function NotFound({ user }: { user: User }) {
  return (
    <>
      <h1 tabIndex={-1}>Page not found</h1>
      <p>
        There is nothing at this address. <Link to={homeFor(user)}>Go to your start page</Link>.
      </p>
    </>
  );
}

/**
 * The menu's open state: on a phone the links and the sign-out sit behind one button, so the
 * header is one row. It closes on navigation, and on Escape with focus back on the button.
 */
function useMenu(path: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== "Escape" || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return { open, toggle: () => setOpen((o) => !o), button, onKeyDown };
}

function Header({ user, path }: { user: User | null; path: string }) {
  const { signOut } = useSession();
  const items = user ? navFor(user) : [];
  const menu = useMenu(path);
  return (
    <header className="topbar" onKeyDown={menu.onKeyDown}>
      <Link to="/" className="brand">
        IPEM matchmaker<small>connect the right people</small>
      </Link>
      {user && (
        <button type="button" className="menu-button" ref={menu.button} aria-expanded={menu.open} aria-controls="main-menu" onClick={menu.toggle}>
          <span className="menu-icon" aria-hidden="true" />
          Menu
        </button>
      )}
      {user && (
        <div id="main-menu" className="menu-panel" data-open={menu.open}>
          <nav aria-label="Main">
            <ul>
              {items.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} aria-current={path === item.to ? "page" : undefined}>
                    {item.text}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="who">
            <span>
              <span className="visually-hidden">Signed in as </span>
              <span data-testid="signed-in-name">{user.name}</span> <span className="role-pill">{label(user.role)}</span>
            </span>
            <button type="button" onClick={signOut}>
              Sign out
            </button>
          </div>
        </div>
      )}
    </header>
  );
}

/** Moves focus to the page's heading after each navigation, so screen readers announce it. */
function useFocusOnNavigate(path: string) {
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>("h1");
    if (heading) {
      if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      heading.focus();
    } else {
      main.current?.focus(); // the page is still loading; its heading comes with the data
    }
    window.scrollTo(0, 0);
  }, [path]);
  return main;
}

/** Keeps the tab's title in step with the page's heading, so each page has its own. */
function useTitleFromHeading(main: React.RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = main.current;
    if (!root) return;
    const update = () => {
      const heading = root.querySelector("h1")?.textContent?.trim();
      const title = heading ? `${heading} · IPEM matchmaker` : "IPEM matchmaker";
      if (document.title !== title) document.title = title;
    };
    const observer = new MutationObserver(update);
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    update();
    return () => observer.disconnect();
  }, [main]);
}

/** Between "Sign out" and the provider's sign-out page: no way to sign in again until it is done. */
function SigningOut() {
  return (
    <>
      <h1 tabIndex={-1}>Signing out</h1>
      <Loading label="Signing out" />
    </>
  );
}

export function App() {
  const { user, signingOut } = useSession();
  const route = useRoute();
  const path = `/${route.parts.join("/")}`;
  const main = useFocusOnNavigate(signingOut ? "/signout" : user ? path : "/signin");
  useTitleFromHeading(main);
  const content = signingOut ? (
    <SigningOut />
  ) : !user ? (
    <SignIn />
  ) : route.parts.length === 0 ? (
    <Redirect to={homeFor(user)} />
  ) : (
    page(route) ?? <NotFound user={user} />
  );
  return (
    <>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <Header user={user} path={path} />
      <main id="main" ref={main} tabIndex={-1}>
        {content}
      </main>
    </>
  );
}

function skipToMain(event: React.MouseEvent) {
  event.preventDefault();
  document.getElementById("main")?.focus();
}

/** Sends the bare address to the role's start page. An address chosen before the effect ran (a
 * link followed or typed just after signing in) is kept, not overwritten with the start page. */
function Redirect({ to }: { to: string }) {
  useEffect(() => {
    if (window.location.hash.replace(/^#\/?/, "") === "") window.location.replace(`#${to}`);
  }, [to]);
  return null;
}
