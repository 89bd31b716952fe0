/**
 * The bundled seed pack as a built-in subscription: its source is the copy
 * shipped in the extension (a file of the package, never the network),
 * checked on every worker start through the subscriptions' decision — on its
 * declared version — and validation (`checkBuiltin`), so an
 * extension update that ships a newer version replaces the installed one, and
 * an installed copy of the same or a newer version is left alone.
 */
import { builtinSubscriptionUrl, newSubscription } from '@core/pack/subscription';
import type { CounterpointDB } from './db/database';
import { importPack } from './db/packs';
import { type BuiltinOutcome, type BuiltinSource, checkBuiltin } from './subscriptions';

export type SeedOutcome = BuiltinOutcome;

/**
 * The seed as the worker holds it: the id and version the extension declares,
 * and a way to read the pack's JSON as shipped. The worker's script does not
 * carry the pack: the extension ships it as a file (`seed-pack.json`, written
 * by the build), read and validated only when it is installed or upgraded
 * (`checkBuiltin`), not at each worker start.
 */
export interface BundledSeed {
  id: string;
  version: number;
  load(): Promise<unknown>;
}

/** A seed: a `BundledSeed`, or the pack's JSON already in memory (tests, the CLI). */
export type SeedLike = BundledSeed | { id: string; version: number };

/** The seed as a `BundledSeed`: a pack in memory is its own loader. */
export function bundledSeed(seed: SeedLike): BundledSeed {
  if ('load' in seed && typeof seed.load === 'function') return seed;
  return { id: seed.id, version: seed.version, load: async () => seed };
}

/** The seed pack's source: the bundled copy, installed straight into the database (the library waits for it). */
export function seedSource(db: CounterpointDB, seedLike: SeedLike): BuiltinSource {
  const seed = bundledSeed(seedLike);
  return {
    url: builtinSubscriptionUrl(seed.id),
    header: { id: seed.id, version: seed.version },
    load: () => seed.load(),
    async installed() {
      const row = await db.packs.get(seed.id);
      return row === undefined
        ? undefined
        : {
            id: row.id,
            version: row.version,
            claims: row.counts.claims,
            source: { ...row.source },
            installedAt: row.installedAt,
          };
    },
    async install(pack) {
      try {
        const { previousVersion } = await importPack(db, pack, { kind: 'builtin' });
        return previousVersion === null ? 'installed' : 'upgraded';
      } catch (error) {
        // Another call (onInstalled and the worker start race) may have installed it meanwhile:
        // importPack then refuses the same version, which is what we wanted anyway.
        const now = await db.packs.get(pack.id);
        if (now && now.version >= pack.version) return 'current';
        throw error;
      }
    },
  };
}

/**
 * One check of the seed's built-in subscription, without recording it (the
 * subscriptions do, through `Subscriptions.ensureBuiltin`). An older bundled
 * version is refused, leaving the installed one: "current". Throws when the
 * bundled copy is invalid or cannot be installed.
 */
export async function ensureSeedPack(db: CounterpointDB, seed: SeedLike): Promise<SeedOutcome> {
  const source = seedSource(db, seed);
  const at = new Date().toISOString();
  const check = await checkBuiltin(source, newSubscription(source.url, at, true), at);
  if (check.outcome === 'failed') throw check.error;
  return check.outcome === 'refused' ? 'current' : check.outcome;
}

export interface SeedInstaller {
  /** Starts the install unless one is running or done; resolves when the seed is current (never rejects). */
  ensure(): Promise<void>;
}

/**
 * One install per worker life; a failed one (quota, a broken database) is
 * logged and retried on the next call, and scans go on with what is installed.
 * `install`: the check to run, by default `ensureSeedPack` (the background
 * passes its subscriptions' `ensureBuiltin`, which also records the outcome).
 */
export function createSeedInstaller(
  db: CounterpointDB,
  seed: SeedLike,
  onDone: (outcome: SeedOutcome) => void,
  onError: (error: unknown) => void,
  install: () => Promise<SeedOutcome> = () => ensureSeedPack(db, seed),
): SeedInstaller {
  let running: Promise<void> | undefined;
  return {
    ensure() {
      running ??= install().then(onDone, (error: unknown) => {
        running = undefined;
        onError(error);
      });
      return running;
    },
  };
}
