/** The skills vocabulary as the idea's skill chips use it: labels to offer, typed text to a skill. Pure. */
import type { SkillVocabularyQuery } from "../api/generated";

export type VocabularyEntry = SkillVocabularyQuery["skillVocabulary"][number];

function key(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(" ").toLowerCase();
}

/** Every name and synonym, once each, sorted: what the add box completes from. */
export function labelsOf(vocabulary: VocabularyEntry[]): string[] {
  const seen = new Map<string, string>();
  for (const s of vocabulary) for (const l of [s.name, ...s.synonyms]) if (!seen.has(key(l))) seen.set(key(l), l);
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/** The vocabulary skill a typed name or synonym stands for (case and spacing aside), or null. */
export function resolveSkill(typed: string, vocabulary: VocabularyEntry[]): VocabularyEntry | null {
  const wanted = key(typed);
  if (!wanted) return null;
  return vocabulary.find((s) => [s.name, ...s.synonyms].some((l) => key(l) === wanted)) ?? null;
}

/** The chips with `name` added at the end, unless it is there already. */
export function withSkill(chips: string[], name: string): string[] {
  return chips.some((c) => key(c) === key(name)) ? chips : [...chips, name];
}

/** Whether two lists of chips hold the same skills in the same order. */
export function sameSkills(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => key(x) === key(b[i]));
}
