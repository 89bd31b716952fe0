/**
 * A MISP galaxy cluster file as the options page imports it: which cluster it
 * is (by its `type`: threat actors, ransomware or tools), and, for the
 * ransomware and tool clusters, the malware families it adds to the built-in
 * actors, chosen by the same rules as the built-in table
 * (./family-rules.ts). Pure: the stop list is given.
 */
import { type Clusters, deriveMalwareTable, type FamilyKind } from './family-rules';
import { BUILTIN_ACTORS } from './index';
import { FAMILY_SOURCE, familyActors } from './malware';
import { actorsFromMispGalaxy, foldForm, surfaceForms } from './misp';
import { PEOPLE } from './people';
import type { ActorRecord } from './types';

export const MISP_CLUSTER_TYPES = ['threat-actor', 'ransomware', 'tool'] as const;
export type MispClusterType = (typeof MISP_CLUSTER_TYPES)[number];
export type FamilyClusterType = Exclude<MispClusterType, 'threat-actor'>;

/** The kind of family each family cluster gives (the built-in table's kinds). */
export const FAMILY_KIND: Record<FamilyClusterType, FamilyKind> = { ransomware: 'ransomware', tool: 'malware' };

/** The actor-table source of a family cluster's records (the built-in table's, so the two read alike). */
export function familySource(type: FamilyClusterType): string {
  return FAMILY_SOURCE[FAMILY_KIND[type]];
}

export interface MispClusterInfo {
  type: MispClusterType;
  /** The cluster's own name ("Ransomware"), or the type when it has none. */
  name: string;
  /** The cluster's version, when it states one. */
  version: number | null;
  /** Entries in its `values`. */
  entries: number;
}

function field(json: unknown, key: string): unknown {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const d = Object.getOwnPropertyDescriptor(json, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

function isClusterType(x: unknown): x is MispClusterType {
  return typeof x === 'string' && (MISP_CLUSTER_TYPES as readonly string[]).includes(x);
}

/**
 * Which cluster a file is, by its `type`. A file without one is read as the
 * threat-actor cluster (what this import accepted before it knew the others);
 * any other type (sectors, countries…) is refused, naming it.
 */
export function mispClusterInfo(json: unknown): MispClusterInfo {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new Error('(root): expected a MISP galaxy cluster (an object)');
  const type = field(json, 'type');
  if (type !== undefined && !isClusterType(type)) {
    const shown = typeof type === 'string' ? `"${type.slice(0, 60)}"` : typeof type;
    throw new Error(`type: expected ${MISP_CLUSTER_TYPES.map((t) => `"${t}"`).join(', ')}, got ${shown}`);
  }
  const name = field(json, 'name');
  const version = field(json, 'version');
  const values = field(json, 'values');
  const resolved = type ?? 'threat-actor';
  return {
    type: resolved,
    name: typeof name === 'string' && name.trim() !== '' ? name.trim().slice(0, 100) : resolved,
    version: typeof version === 'number' && Number.isFinite(version) ? version : null,
    entries: Array.isArray(values) ? values.length : 0,
  };
}

let builtinForms: ReadonlySet<string> | undefined;

/** Folded forms of every built-in actor and official: an imported family never takes one. */
function takenForms(): ReadonlySet<string> {
  builtinForms ??= new Set([...BUILTIN_ACTORS, ...PEOPLE].flatMap(surfaceForms).map(foldForm));
  return builtinForms;
}

const EMPTY_CLUSTER = { values: [] };

/**
 * The families a ransomware or tool cluster adds to the built-in actors: its
 * entries checked as the threat-actor import checks them (the same shape and
 * bounds, errors naming the path), chosen by the rules of the built-in table
 * (notability, not a family, claimed by a group, names…), then those the
 * built-in actors already know left out, as the built-in table leaves out
 * the names of curated actors. `threatActors`: the groups of an imported
 * threat-actor cluster, whose names stay groups. Records are groups without a
 * state, with the built-in table's source.
 */
export function familiesFromMispCluster(
  json: unknown,
  type: FamilyClusterType,
  stopwords: ReadonlySet<string>,
  threatActors: readonly ActorRecord[] = [],
): ActorRecord[] {
  // The threat-actor reader's checks: the same file shape and bounds, so a hostile file fails early by path.
  actorsFromMispGalaxy(json);
  const clusters: Clusters =
    type === 'ransomware' ? { ransomware: json, tool: EMPTY_CLUSTER } : { ransomware: EMPTY_CLUSTER, tool: json };
  // The groups of an imported threat-actor cluster play the part the cluster plays for the built-in table (E3, N7).
  if (threatActors.length > 0)
    clusters.threatActor = { values: threatActors.map((a) => ({ value: a.id, meta: { synonyms: a.aliases ?? [] } })) };
  const { table } = deriveMalwareTable(clusters, { stopwords });
  return familyActors(table.families, takenForms());
}
