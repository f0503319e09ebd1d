/** One of a task group's mutations, its outcome as a message or a refusal. */
import { useState } from "react";
import { useMutation, type DataOf, type VariablesOf } from "../api/hooks";
import type { Refusal } from "../components/Outcome";

/** The task group's mutations: each answers the group changed, or a refusal. */
export type GroupChange =
  | "GroupUpdate"
  | "GroupSetChair"
  | "GroupRemoveMember"
  | "GroupAddMember"
  | "GroupSendInvitations"
  | "GroupActivate"
  | "GroupClose";

/** What any of them answers: its one root field's value. */
type Outcome = { [N in GroupChange]: DataOf<N>[keyof DataOf<N>] }[GroupChange];
type Changed = Extract<Outcome, { __typename: "TaskGroupChanged" }>;

/** Runs one of the group's mutations; the page reloads the group after a change. */
export function useGroupChange<N extends GroupChange>(operation: N, onChanged: () => void) {
  const mutation = useMutation(operation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (variables: VariablesOf<N>, success: (o: Changed) => string) => {
    setRefusal(null);
    setDone(null);
    const data: Record<string, Outcome> | undefined = await mutation.run(variables);
    const outcome = data ? Object.values(data)[0] : undefined;
    if (!outcome) return;
    if (outcome.__typename === "TaskGroupChanged") {
      setDone(success(outcome));
      onChanged();
    } else {
      setRefusal({ __typename: outcome.__typename, message: outcome.message, errors: "errors" in outcome ? outcome.errors : undefined });
    }
  };
  return { run, refusal, done, running: mutation.running, error: mutation.error };
}
