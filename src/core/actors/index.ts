import { AGENCIES } from './agencies';
import { CAPITALS } from './capitals';
import { COLLECTIVES } from './collectives';
import { GROUPS } from './groups';
import { MEDIA, STATE_MEDIA } from './media';
import { ORGANISATIONS } from './organisations';
import { STATES } from './states';
import type { ActorRecord } from './types';

export { AGENCIES } from './agencies';
export { GROUPS } from './groups';
export { actorsFromMispGalaxy, foldForm, isUsableAlias, mergeActors, resolveState, surfaceForms } from './misp';
export { ORGANISATIONS } from './organisations';
export { STATES } from './states';
export type { ActorKind, ActorRecord, LocalisedForms } from './types';

/** Every builtin actor: states, then agencies, threat groups, organisations, collectives and media. */
export const BUILTIN_ACTORS: ActorRecord[] = [
  ...STATES.map(withCapital),
  ...AGENCIES,
  ...GROUPS,
  ...ORGANISATIONS,
  ...COLLECTIVES,
  ...STATE_MEDIA,
  ...MEDIA,
];

/** A state record with its capital as a metonym, in both languages. */
function withCapital(state: ActorRecord): ActorRecord {
  const capitals = (CAPITALS[state.id] ?? []).filter((c) => !state.names.en.includes(c) && !state.names.fr.includes(c));
  if (capitals.length === 0) return state;
  return { ...state, names: { en: [...state.names.en, ...capitals], fr: [...state.names.fr, ...capitals] } };
}
