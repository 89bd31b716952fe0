import { AGENCIES } from './agencies';
import { CAPITALS } from './capitals';
import { COLLECTIVES, MOVEMENTS } from './collectives';
import { GROUPS } from './groups';
import { FAMILY_ROWS, familyActors } from './malware';
import { MEDIA, STATE_MEDIA } from './media';
import { foldForm, surfaceForms } from './misp';
import { ORGANISATIONS } from './organisations';
import { PEOPLE } from './people';
import { STATES } from './states';
import type { ActorRecord } from './types';

export { AGENCIES } from './agencies';
export { GROUPS } from './groups';
export { FAMILY_SOURCE, type FamilyKind, familyActors } from './malware';
export { actorsFromMispGalaxy, foldForm, isUsableAlias, mergeActors, resolveState, surfaceForms } from './misp';
export { ORGANISATIONS } from './organisations';
export { STATES } from './states';
export type { ActorKind, ActorRecord, LocalisedForms } from './types';

/** The hand-curated actors: states, then agencies, threat groups, organisations, collectives and media. */
export const CURATED_ACTORS: ActorRecord[] = [
  ...STATES.map(withCapital),
  ...AGENCIES,
  ...GROUPS,
  ...ORGANISATIONS,
  ...COLLECTIVES,
  ...MOVEMENTS,
  ...STATE_MEDIA,
  ...MEDIA,
];

/**
 * Malware and ransomware families (kind 'group') from the table generated from
 * MISP, minus the ids and names that a curated actor or an official has.
 */
export const MALWARE: ActorRecord[] = familyActors(
  FAMILY_ROWS,
  new Set([...CURATED_ACTORS, ...PEOPLE].flatMap(surfaceForms).map(foldForm)),
);

/** Every builtin actor: the curated ones, then the malware families. */
export const BUILTIN_ACTORS: ActorRecord[] = [...CURATED_ACTORS, ...MALWARE];

/** A state record with its capital as a metonym, in both languages. */
function withCapital(state: ActorRecord): ActorRecord {
  const capitals = (CAPITALS[state.id] ?? []).filter((c) => !state.names.en.includes(c) && !state.names.fr.includes(c));
  if (capitals.length === 0) return state;
  return { ...state, names: { en: [...state.names.en, ...capitals], fr: [...state.names.fr, ...capitals] } };
}
