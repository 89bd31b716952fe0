/**
 * The actor table the detector and the matcher read: the built-in actors
 * (states, agencies, groups, officials), with imported ones merged over them.
 */
import { Gazetteer } from './gazetteer';
import { BUILTIN_ACTORS, mergeActors } from './index';
import { PEOPLE } from './people';
import type { ActorRecord } from './types';

let builtin: Gazetteer | undefined;

/** The built-in actor table (states, agencies, groups, people), built once. */
export function builtinGazetteer(): Gazetteer {
  builtin ??= new Gazetteer([...BUILTIN_ACTORS, ...PEOPLE]);
  return builtin;
}

/** The built-in table with `imported` merged over it (the built-in one itself when there are none). */
export function actorGazetteer(imported: readonly ActorRecord[]): Gazetteer {
  if (imported.length === 0) return builtinGazetteer();
  return new Gazetteer(mergeActors([...BUILTIN_ACTORS, ...PEOPLE], [...imported]));
}
