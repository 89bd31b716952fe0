/**
 * The installed claim packs as the background service uses them: the seed
 * install, counter-statements for allegations, and the pack operations of
 * the extension pages. Payloads arrive validated (see protocol.ts); pack
 * content is validated here, by parsePack, before anything is written.
 */
import type { StatementHit } from '@core/annotation/statement-search';
import type { ActorResolver, MatchQuery } from '@core/match';
import { counterStatementView } from '@core/match/view';
import { type ClaimPack, PackError } from '@core/pack/schema';
import { buildTimeline, type IncidentTimeline } from '@core/pack/timeline';
import type {
  CounterStatementView,
  ImportMispGalaxyResponse,
  ImportPackResponse,
  PackSummary,
  RemovePackResponse,
} from '@src/messaging/protocol';
import { readIncidentClaims } from './db/claim-store';
import type { CounterpointDB, PackRow, PackSource } from './db/database';
import { type CounterpointExport, exportAll, exportPack, importMispGalaxy, importPack, removePack } from './db/packs';
import { claimKey, incidentOfRow } from './db/rows';
import { createDbMatcher, type MatchBatch } from './matcher';
import { createSeedInstaller, type SeedLike, type SeedOutcome } from './seed';
import { createStatementSearch } from './statement-search';

export interface Library {
  /** Resolves once the seed pack is current, or its install failed (logged; retried on the next call). */
  ready(): Promise<void>;
  /** The best `limit` answers to an allegation; waits for the seed install. */
  /** `batch`: share reads between the lookups of one page (see `createMatchBatch`). */
  counterStatements(query: MatchQuery, limit?: number, batch?: MatchBatch): Promise<CounterStatementView[]>;
  listPacks(): Promise<PackSummary[]>;
  /** Installs a pack, all or nothing; `source` says where from (a file unless said otherwise). */
  importPack(json: unknown, source?: PackSource): Promise<ImportPackResponse>;
  exportPack(id: string): Promise<ClaimPack | undefined>;
  exportAll(): Promise<CounterpointExport>;
  removePack(id: string): Promise<RemovePackResponse>;
  importMispGalaxy(json: unknown): Promise<ImportMispGalaxyResponse>;
  /** An incident's statements in date order, or null when no installed pack has it. */
  incidentTimeline(pack: string, id: string): Promise<IncidentTimeline | null>;
  /** The statement picker of the library: claims of every installed pack by text, speaker, incident. */
  searchStatements(query: string, limit: number): Promise<StatementHit[]>;
  /** The installed claims of `keys` (`packId/claimId`), in that order; unknown keys are left out. */
  statementsByKey(keys: readonly string[]): Promise<StatementHit[]>;
  /** Packs switched off in the options page: kept installed, not used for matching. */
  setDisabledPacks?(ids: readonly string[]): void;
}

export interface LibraryDeps {
  db: CounterpointDB;
  /** The detector's gazetteer in the worker; the `actors` table fills in what it does not know. */
  resolver: ActorResolver;
  /** The bundled seed pack, or how to read it (validated when it is installed). */
  seed: SeedLike;
  /** Installs or updates the seed (the background: its built-in subscription); `ensureSeedPack` otherwise. */
  installSeed?: () => Promise<SeedOutcome>;
  log: { warn(...args: unknown[]): void; info?(...args: unknown[]): void };
}

function summaryOf(row: PackRow, seedId: string): PackSummary {
  // Everything but the pack's own actor entries, copied so callers cannot alter the row.
  const { actors: _actors, ...header } = row;
  return { ...header, source: { ...row.source }, counts: { ...row.counts }, builtin: row.id === seedId };
}

function idOf(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return undefined;
  const field = Object.getOwnPropertyDescriptor(json, 'id');
  return field && 'value' in field ? field.value : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createLibrary(deps: LibraryDeps): Library {
  const { db, seed, log } = deps;
  const matcher = createDbMatcher(db, deps.resolver);
  const installer = createSeedInstaller(
    db,
    seed,
    (outcome) => {
      if (outcome !== 'current') matcher.invalidate();
      if (outcome !== 'current') log.info?.(`[counterpoint] seed pack ${seed.id} v${seed.version} ${outcome}`);
    },
    (error) => log.warn('[counterpoint] seed pack install failed', error),
    deps.installSeed,
  );
  let warmed = false;
  const ready = async () => {
    await installer.ensure();
    // The first call (the worker's start): the index heads are read while its first page is being read.
    if (!warmed) {
      warmed = true;
      void matcher.warm();
    }
  };
  const statements = createStatementSearch(db);

  return {
    ready,

    setDisabledPacks(ids) {
      matcher.exclude(new Set(ids));
    },

    async counterStatements(query, limit = 5, batch) {
      await ready();
      return (await matcher.counterStatements(query, limit, batch)).map(counterStatementView);
    },

    async listPacks() {
      await ready();
      const rows = await db.packs.toArray();
      return rows.map((row) => summaryOf(row, seed.id));
    },

    async importPack(json, source = { kind: 'file' }) {
      await ready();
      if (idOf(json) === seed.id) {
        // The seed is updated with the extension; a file must not replace it under the same id.
        const message = `id: "${seed.id}" is reserved for the built-in seed pack`;
        return { ok: false, error: message, issues: [message] };
      }
      try {
        const { pack, previousVersion } = await importPack(db, json, source);
        matcher.invalidate();
        return { ok: true, pack: { id: pack.id, version: pack.version, claims: pack.counts.claims }, previousVersion };
      } catch (error) {
        if (error instanceof PackError) return { ok: false, error: error.message, issues: [...error.issues] };
        log.warn('[counterpoint] pack import failed', error);
        const message = `could not install the pack: ${messageOf(error)}`;
        return { ok: false, error: message, issues: [message] };
      }
    },

    async exportPack(id) {
      await ready();
      return exportPack(db, id);
    },

    async exportAll() {
      await ready();
      return exportAll(db);
    },

    async removePack(id) {
      await ready();
      if (id === seed.id) {
        return {
          ok: false,
          error: `the built-in seed pack (${seed.id}) cannot be removed; it ships with the extension`,
        };
      }
      const removed = await removePack(db, id);
      if (removed) matcher.invalidate();
      return { ok: true, removed };
    },

    async incidentTimeline(pack, id) {
      await ready();
      const row = await db.incidents.get(claimKey(pack, id));
      if (row === undefined) return null;
      const claims = await readIncidentClaims(db, pack, id);
      const keys = claims.map((c) => claimKey(pack, c.id));
      const relations = keys.length === 0 ? [] : await db.relations.where('from').anyOf(keys).toArray();
      return buildTimeline(
        { ...incidentOfRow(row), packId: pack },
        claims.map((c) => ({ ...c, key: claimKey(pack, c.id) })),
        relations,
        (actor) => deps.resolver.stateOf(actor),
      );
    },

    async searchStatements(query, limit) {
      await ready();
      return statements.search(query, limit);
    },

    async statementsByKey(keys) {
      await ready();
      return statements.byKeys(keys);
    },

    async importMispGalaxy(json) {
      await ready();
      try {
        const result = await importMispGalaxy(db, json);
        // Sponsors may have changed: what the matcher read of the reader's own statements is stale.
        matcher.invalidate();
        return { ok: true, ...result };
      } catch (error) {
        log.warn('[counterpoint] MISP galaxy import failed', error);
        const message = messageOf(error);
        return { ok: false, error: message, issues: [message] };
      }
    },
  };
}
