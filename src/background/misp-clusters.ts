/**
 * MISP galaxy clusters imported from the options page: threat actors (groups,
 * through the library's import), ransomware and tools (malware families, by
 * the rules of the built-in table). Each type's actors are one source of the
 * `actors` table, replaced whole by the next import of that type; a cluster
 * with no entries removes the type's import. The detector reads them back
 * (`actors()`), so an allegation naming an imported group or family is found.
 */
import { FAMILY_SOURCE } from '@core/actors/malware';
import {
  type FamilyClusterType,
  familiesFromMispCluster,
  familySource,
  MISP_CLUSTER_TYPES,
  type MispClusterType,
  mispClusterInfo,
} from '@core/actors/misp-cluster';
import type { ActorRecord } from '@core/actors/types';
import type { ImportMispGalaxyResponse } from '@src/messaging/protocol';
import type { ImportedMispCluster } from '@src/settings/misp-clusters';
import { MISP_SOURCE, replaceContributions } from './db/actors';
import type { CounterpointDB } from './db/database';

export interface MispClusterDeps {
  db: CounterpointDB;
  /** The threat-actor import (groups merged by id with the packs' actors). */
  importThreatActors(json: unknown): Promise<ImportMispGalaxyResponse>;
  /** The stop list of the family rules (built on first use). */
  stopwords(): ReadonlySet<string>;
  /** What the options page lists. */
  store: { get(): Promise<ImportedMispCluster[]>; set(list: ImportedMispCluster[]): Promise<void> };
  now?: () => number;
  log: { warn(...args: unknown[]): void };
}

export interface MispClusters {
  /** Imports a cluster of any of the three types (by its `type`); one with no entries removes that type's import. */
  import(json: unknown): Promise<ImportMispGalaxyResponse>;
  /** The actor records every imported cluster contributes, as imported (the detector merges them over its own). */
  actors(): Promise<ActorRecord[]>;
}

/** The `actors` table sources of the imported clusters. */
const SOURCES: ReadonlySet<string> = new Set([MISP_SOURCE, FAMILY_SOURCE.ransomware, FAMILY_SOURCE.malware]);

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createMispClusters(deps: MispClusterDeps): MispClusters {
  const { db } = deps;
  const now = deps.now ?? Date.now;
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  }

  /** The groups of the imported threat-actor cluster: their names stay groups for the family rules. */
  async function threatActors(): Promise<ActorRecord[]> {
    const rows = await db.actors.filter((row) => row.contributions.some((c) => c.from === MISP_SOURCE)).toArray();
    return rows.flatMap((row) => row.contributions.filter((c) => c.from === MISP_SOURCE).map((c) => c.record));
  }

  async function importFamilies(json: unknown, type: FamilyClusterType): Promise<ImportMispGalaxyResponse> {
    const records = familiesFromMispCluster(json, type, deps.stopwords(), await threatActors());
    const source = familySource(type);
    const result = await db.transaction('rw', [db.actors], async () => {
      const previousIds = await db.actors
        .filter((row) => row.contributions.some((c) => c.from === source))
        .primaryKeys();
      return replaceContributions(db, source, records, previousIds);
    });
    return {
      ok: true,
      cluster: type,
      groups: records.length,
      added: result.added,
      updated: result.updated,
      removed: result.removed,
    };
  }

  async function record(type: MispClusterType, entry: ImportedMispCluster | null): Promise<void> {
    const others = (await deps.store.get()).filter((c) => c.type !== type);
    const list = entry === null ? others : [...others, entry];
    await deps.store.set(MISP_CLUSTER_TYPES.flatMap((t) => list.filter((c) => c.type === t)));
  }

  return {
    import(json) {
      return serial(async () => {
        let info: ReturnType<typeof mispClusterInfo>;
        try {
          info = mispClusterInfo(json);
        } catch (error) {
          const message = messageOf(error);
          return { ok: false, error: message, issues: [message] };
        }
        let result: ImportMispGalaxyResponse;
        try {
          if (info.type === 'threat-actor') {
            const groups = await deps.importThreatActors(json);
            result = groups.ok ? { ...groups, cluster: 'threat-actor' } : groups;
          } else result = await importFamilies(json, info.type);
        } catch (error) {
          deps.log.warn('[counterpoint] MISP cluster import failed', error);
          const message = messageOf(error);
          return { ok: false, error: message, issues: [message] };
        }
        if (result.ok)
          await record(
            info.type,
            info.entries === 0
              ? null
              : {
                  type: info.type,
                  name: info.name,
                  version: info.version,
                  entries: info.entries,
                  actors: result.groups,
                  importedAt: new Date(now()).toISOString(),
                },
          );
        return result;
      });
    },

    async actors() {
      const rows = await db.actors.filter((row) => row.contributions.some((c) => SOURCES.has(c.from))).toArray();
      return rows.flatMap((row) => row.contributions.filter((c) => SOURCES.has(c.from)).map((c) => c.record));
    },
  };
}
