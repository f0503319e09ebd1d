/** One of a task group's mutations, its outcome as a message or a refusal. */
import { useState } from "react";
import type { Variables } from "../api/client";
import { useMutation } from "../api/hooks";
import type { Refusal } from "../components/Outcome";

interface Outcome {
  __typename: string;
  message?: string;
  rule?: string;
  invited?: string[];
  errors?: { field: string; message: string }[];
}

/** Runs one of the group's mutations; the page reloads the group after a change. */
export function useGroupChange(operation: string, onChanged: () => void) {
  const mutation = useMutation<Record<string, Outcome>>(operation);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = async (variables: Variables, success: (o: Outcome) => string) => {
    setRefusal(null);
    setDone(null);
    const data = await mutation.run(variables);
    const outcome = data ? Object.values(data)[0] : undefined;
    if (!outcome) return;
    if (outcome.__typename === "TaskGroupChanged") {
      setDone(success(outcome));
      onChanged();
    } else {
      setRefusal({ __typename: outcome.__typename, message: outcome.message ?? "That did not work.", errors: outcome.errors });
    }
  };
  return { run, refusal, done, running: mutation.running, error: mutation.error };
}
