/** Keyboard focus that survives its control being replaced by the outcome. */
import { useEffect, useRef } from "react";

/**
 * When a control is replaced by what it did ("Invite" by "Invited", a question by its answer),
 * the focus it had falls back to the page, and a keyboard user must find their place again.
 * Call `moveFocus()` as the change starts and put `ref` on what should take the focus: it is
 * focused once rendered. `initially`: take the focus on mount (a control that replaced another).
 */
export function useFocusAfter<T extends HTMLElement>(initially = false) {
  const ref = useRef<T>(null);
  const pending = useRef(initially);
  useEffect(() => {
    if (!pending.current || !ref.current) return;
    pending.current = false;
    ref.current.focus();
  });
  return {
    ref,
    moveFocus: () => {
      pending.current = true;
    },
  };
}
