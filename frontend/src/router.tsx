/** Hash routes (#/calls/c1): the server serves one index.html, so the path lives after the #. */
import { useEffect, useState, type AnchorHTMLAttributes, type ReactNode, type Ref } from "react";

export interface Route {
  parts: string[];
  query: URLSearchParams;
}

function current(): Route {
  const raw = window.location.hash.replace(/^#\/?/, "");
  const [path, search = ""] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { parts, query: new URLSearchParams(search) };
}

/** Routes that follow the address: told at once by navigate(), and by hashchange for Back,
 * Forward and typed addresses. hashchange alone comes after the event that navigated, so a
 * checkbox whose state lives in the address showed unchecked for a moment after a click. */
const followers = new Set<() => void>();

export function useRoute(): Route {
  const [route, setRoute] = useState(current);
  useEffect(() => {
    const update = () => setRoute(current());
    followers.add(update);
    window.addEventListener("hashchange", update);
    return () => {
      followers.delete(update);
      window.removeEventListener("hashchange", update);
    };
  }, []);
  return route;
}

export function href(path: string): string {
  return `#${path.startsWith("/") ? path : `/${path}`}`;
}

export function navigate(path: string): void {
  window.location.hash = href(path);
  followers.forEach((update) => update());
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode; ref?: Ref<HTMLAnchorElement> };

export function Link({ to, children, ...rest }: LinkProps) {
  return (
    <a href={href(to)} {...rest}>
      {children}
    </a>
  );
}
