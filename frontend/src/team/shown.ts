import { useEffect, useRef } from "react";
import { useMutation } from "../api/hooks";
import type { TeamResult } from "./types";

/** Once a suggested team is on screen, record it as shown (fair exposure), once per team:
 *  suggestTeam itself writes nothing. */
export function useRecordShown(result: TeamResult | undefined) {
  const record = useMutation("RecordTeamShown");
  const sent = useRef<string | null>(null);
  const token = result?.__typename === "TeamSuggestion" ? result.shownToken : undefined;
  useEffect(() => {
    if (!token || sent.current === token) return;
    sent.current = token;
    void record.run({ shownToken: token });
  }, [token, record.run]);
}
