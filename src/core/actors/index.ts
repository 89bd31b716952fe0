import { AGENCIES } from './agencies';
import { GROUPS } from './groups';
import { ORGANISATIONS } from './organisations';
import { STATES } from './states';
import type { ActorRecord } from './types';

export { AGENCIES } from './agencies';
export { GROUPS } from './groups';
export { actorsFromMispGalaxy, foldForm, isUsableAlias, mergeActors, resolveState, surfaceForms } from './misp';
export { ORGANISATIONS } from './organisations';
export { STATES } from './states';
export type { ActorKind, ActorRecord, LocalisedForms } from './types';

/** Every builtin actor: states, then agencies, threat groups and organisations. */
export const BUILTIN_ACTORS: ActorRecord[] = [...STATES, ...AGENCIES, ...GROUPS, ...ORGANISATIONS];
