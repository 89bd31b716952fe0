/**
 * The MISP galaxy clusters imported from the options page, one per type (a new
 * import of a type replaces the last): what the page lists. Written by the
 * background only, after the cluster's actors are in IndexedDB; the entries
 * themselves live there (the `actors` table).
 */
import { MISP_CLUSTER_TYPES, type MispClusterType } from '@core/actors/misp-cluster';
import { storage } from 'wxt/utils/storage';

export interface ImportedMispCluster {
  type: MispClusterType;
  name: string;
  version: number | null;
  /** Entries in the file. */
  entries: number;
  /** Actors it contributes: its groups, or the families it adds to the built-in ones. */
  actors: number;
  /** ISO time of the import. */
  importedAt: string;
}

export const importedMispClusters = /* @__PURE__ */ storage.defineItem<ImportedMispCluster[]>('local:mispClusters', {
  fallback: [],
  version: 1,
});

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The stored list, keeping only well-formed entries (one per type, in the order of MISP_CLUSTER_TYPES). */
export function mispClustersOf(value: unknown): ImportedMispCluster[] {
  if (!Array.isArray(value)) return [];
  const byType = new Map<MispClusterType, ImportedMispCluster>();
  for (const x of value) {
    if (!isRecord(x) || !(MISP_CLUSTER_TYPES as readonly unknown[]).includes(x.type)) continue;
    const { type, name, version, entries, actors, importedAt } = x;
    if (typeof name !== 'string' || typeof importedAt !== 'string') continue;
    if (typeof entries !== 'number' || typeof actors !== 'number') continue;
    byType.set(type as MispClusterType, {
      type: type as MispClusterType,
      name,
      version: typeof version === 'number' ? version : null,
      entries,
      actors,
      importedAt,
    });
  }
  return MISP_CLUSTER_TYPES.flatMap((t) => byType.get(t) ?? []);
}
