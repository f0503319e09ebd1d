/** The introductions you asked for and how each stands; an address once the member accepted. */
import { useEffect } from "react";
import { useQuery } from "../api/hooks";
import { Empty, QueryView } from "../components/States";
import { Link } from "../router";
import { INTRODUCTIONS_CHANGED } from "./AskIntroduction";

const STATUS: Record<string, string> = { pending: "Waiting for an answer", accepted: "Accepted", not_available: "Not available" };

export function MyIntroductions() {
  const mine = useQuery("MyIntroductions");
  const { reload } = mine;
  useEffect(() => {
    window.addEventListener(INTRODUCTIONS_CHANGED, reload);
    return () => window.removeEventListener(INTRODUCTIONS_CHANGED, reload);
  }, [reload]);
  if (mine.status === "unavailable") return null;
  return (
    <section className="panel" aria-labelledby="my-introductions-heading" data-testid="my-introductions">
      <h2 id="my-introductions-heading">Your introduction requests</h2>
      <QueryView state={mine} what="Your introduction requests" operation="MyIntroductions">
        {(data) =>
          data.myIntroductions.length === 0 ? (
            <Empty>None yet. Ask for an introduction from a person in your results.</Empty>
          ) : (
            <ul className="plain">
              {data.myIntroductions.map((x) => (
                <li key={x.id} data-testid="my-introduction">
                  <Link to={`/members/${encodeURIComponent(x.memberId)}`}>{x.memberName}</Link>{" "}
                  <span className="meta">about {x.ideaTitle ?? x.topic}</span>{" "}
                  <span className={`badge${x.status === "accepted" ? " ok" : ""}`}>{STATUS[x.status] ?? x.status}</span>
                  {x.contactEmail && (
                    <>
                      {" "}
                      <a href={`mailto:${x.contactEmail}`} data-testid="introduction-email">
                        {x.contactEmail}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
