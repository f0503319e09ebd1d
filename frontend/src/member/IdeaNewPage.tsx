/** Member journey: write a new idea; it is saved as a draft and opens with its suggestions. */
import { useMutation } from "../api/hooks";
import { refusalOf } from "../components/Outcome";
import { ErrorState, Unavailable } from "../components/States";
import { navigate } from "../router";
import { IdeaForm, type IdeaDraft } from "./IdeaForm";

export function IdeaNewPage({ callId }: { callId: string | null }) {
  const create = useMutation("CreateIdea");
  const refusal = refusalOf(create.data?.submitIdea, ["IdeaSaved"]);

  async function save(draft: IdeaDraft) {
    const data = await create.run({ input: draft });
    const saved = data?.submitIdea;
    if (saved?.__typename === "IdeaSaved") navigate(`/ideas/${encodeURIComponent(saved.idea.id)}`);
  }

  return (
    <>
      <h1 tabIndex={-1}>Write an idea</h1>
      <p className="lede">
        Describe the idea in your own words. Once it is saved you will see who could complete the team and which partners
        fit; you can invite them, then submit.
      </p>
      {!create.available && <Unavailable what="Writing an idea" operation="CreateIdea" />}
      {create.error && <ErrorState error={create.error} />}
      <IdeaForm
        initial={{ title: "", summary: "", callId: callId ?? "", themeIds: [], requiredSkills: [] }}
        busy={create.running}
        refusal={refusal}
        submitLabel="Save draft and find collaborators"
        onSubmit={save}
      />
    </>
  );
}
