/** The skills vocabulary page's logic: filtering the skills, ordering proposals, reading synonyms. */
import type { SkillCurationQuery } from "../api/generated";

export type VocabularySkill = SkillCurationQuery["skillVocabulary"][number];
export type Proposal = SkillCurationQuery["proposedSkills"][number];

/** Case and runs of spaces aside, as the API compares labels. */
export function normalise(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(" ").toLowerCase();
}

/** The skills whose name, kind or a synonym holds `text` (case and spacing aside), by name. */
export function filterSkills<T extends VocabularySkill>(skills: T[], text: string): T[] {
  const wanted = normalise(text);
  const found = wanted ? skills.filter((s) => [s.name, s.kind, ...s.synonyms].some((l) => normalise(l).includes(wanted))) : skills;
  return [...found].sort((a, b) => a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }));
}

/** Proposals with the most members first; ties by name. */
export function byMembers<T extends Proposal>(proposals: T[]): T[] {
  return [...proposals].sort((a, b) => b.members - a.members || a.name.localeCompare(b.name, "en-GB", { sensitivity: "base" }));
}

/** "MRI, magnetic resonance;  MR " → ["MRI", "magnetic resonance", "MR"]: commas or semicolons part them. */
export function parseSynonyms(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.split(/\s+/).filter(Boolean).join(" "))
    .filter(Boolean);
}

/** Field name → its messages joined, so a field the API refuses on two counts shows both. */
export function errorsByField(errors: { field: string; message: string }[] | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  for (const e of errors ?? []) found[e.field] = found[e.field] ? `${found[e.field]}; ${e.message}` : e.message;
  return found;
}

/** The most characters a skill's description may hold, as the API counts them. */
export const DESCRIPTION_MAX = 400;

export interface CharacterCount {
  /** Characters the API counts: the text trimmed, each Unicode character once (an emoji is one). */
  used: number;
  /** How many the limit is exceeded by; 0 within it. */
  over: number;
  /** "12 of 400 characters", or "401 of 400 characters: 1 too many". */
  text: string;
}

/** A text's length against `limit`, counted as the API checks it (trimmed, by code point). */
export function characterCount(text: string, limit: number = DESCRIPTION_MAX): CharacterCount {
  const used = [...text.trim()].length;
  const over = Math.max(0, used - limit);
  const of = `${used} of ${limit} ${limit === 1 ? "character" : "characters"}`;
  return { used, over, text: over > 0 ? `${of}: ${over} too many` : of };
}
