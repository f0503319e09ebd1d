/**
 * The sign-in page: the organisation's provider (OpenID Connect) when the server has one, and
 * the demo picker of demo users only when the server's demo sign-in is on.
 */
import type { DemoUsersQuery, SignInInput } from "./api/generated";
import { useQuery, useMutation } from "./api/hooks";
import { QueryView, ErrorState, Loading } from "./components/States";
import { label } from "./format";
import { here, loginUrl, roleOf, useSession, userOf, type SignInOptions } from "./session";

type DemoUser = DemoUsersQuery["demoUsers"][number];

/** Members and partners sign in as themselves; staff and admins by their role. */
function signInInput(u: DemoUser): SignInInput {
  const role = roleOf(u.role);
  if (role === "member") return { memberId: u.id };
  if (role === "partner") return { partnerId: u.id };
  return { role: u.role };
}

const ORDER = ["member", "staff", "partner", "admin"];

function byRole(users: DemoUser[]): [string, DemoUser[]][] {
  const groups = new Map<string, DemoUser[]>();
  for (const u of users) {
    const role = roleOf(u.role);
    groups.set(role, [...(groups.get(role) ?? []), u]);
  }
  return [...groups.entries()].sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]));
}

const HEADINGS: Record<string, string> = {
  member: "Members",
  staff: "STERIC staff",
  partner: "External partners",
  admin: "Administrators",
};

export function SignIn() {
  const { options } = useSession();
  return (
    <>
      <h1 tabIndex={-1}>Sign in to the IPEM matchmaker</h1>
      {!options && <Loading label="Loading the ways to sign in" />}
      {options?.provider && <ProviderSignIn options={options} />}
      {options?.demoSignIn && <DemoSignIn />}
      {options && !options.provider && !options.demoSignIn && (
        <div className="state state-empty">
          No way to sign in is set up on this server yet. Its administrator sets the organisation&apos;s sign-in
          provider (see the README).
        </div>
      )}
    </>
  );
}

function ProviderSignIn({ options }: { options: SignInOptions }) {
  return (
    <section className="panel" aria-labelledby="provider-sign-in">
      <h2 id="provider-sign-in">With your organisation account</h2>
      <p>Members, STERIC staff and partners sign in with the account their organisation gave them.</p>
      <a className="button" href={loginUrl(options, here())}>
        Sign in with {options.provider?.name}
      </a>
    </section>
  );
}

function DemoSignIn() {
  const users = useQuery("DemoUsers");
  const signInMutation = useMutation("SignIn");
  const { signIn } = useSession();

  async function choose(u: DemoUser) {
    const data = await signInMutation.run({ input: signInInput(u) });
    const result = data?.signIn;
    if (result?.__typename === "SignedIn") signIn(result.token, userOf(result.viewer));
  }

  const outcome = signInMutation.data?.signIn;
  const refused = outcome && outcome.__typename !== "SignedIn" ? outcome : null;
  return (
    <>
      <p className="lede">
        This is the demonstration. Choose who you want to be: a member with an idea, STERIC staff assembling a
        Task-and-Finish group, or an external partner looking for expertise.
      </p>
      {signInMutation.error && <ErrorState error={signInMutation.error} />}
      {refused && <div className="state state-error" role="alert">{refused.message}</div>}
      {signInMutation.running && <p role="status">Signing in…</p>}
      <QueryView state={users} what="The demo sign-in" operation="DemoUsers" loading="Loading demo users">
        {(data) =>
          data.demoUsers.length === 0 ? (
            <div className="state state-empty">There are no demo users. Start the service with the demo data.</div>
          ) : (
            byRole(data.demoUsers).map(([role, list]) => (
              <section key={role} className="panel" aria-labelledby={`role-${role}`}>
                <h2 id={`role-${role}`}>{HEADINGS[role] ?? label(role)}</h2>
                <ul className="users">
                  {list.map((u) => (
                    <li key={u.id}>
                      <button type="button" onClick={() => choose(u)} disabled={signInMutation.running}>
                        <strong>{u.name}</strong>
                        {u.description && <span className="meta">{u.description}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryView>
    </>
  );
}
