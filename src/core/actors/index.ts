// TEMPORARY (lead): replaced by the gazetteer helper's full index.
import { AGENCIES } from './agencies';
import { GROUPS } from './groups';
import { ORGANISATIONS } from './organisations';
import { STATES } from './states';
import type { ActorRecord } from './types';
export const BUILTIN_ACTORS: ActorRecord[] = [...STATES, ...AGENCIES, ...GROUPS, ...ORGANISATIONS];
