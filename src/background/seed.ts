/**
 * Installs the bundled seed pack, and updates it when the extension ships a
 * newer version. Safe to call on every worker start: an installed copy of
 * the same or a newer version is left alone.
 */
import type { ClaimPack } from '@core/pack/schema';
import type { CounterpointDB } from './db/database';
import { importPack } from './db/packs';

export type SeedOutcome = 'installed' | 'upgraded' | 'current';

export async function ensureSeedPack(db: CounterpointDB, seed: ClaimPack): Promise<SeedOutcome> {
  const installed = await db.packs.get(seed.id);
  if (installed && installed.version >= seed.version) return 'current';
  try {
    const { previousVersion } = await importPack(db, seed, { kind: 'builtin' });
    return previousVersion === null ? 'installed' : 'upgraded';
  } catch (error) {
    // Another call (onInstalled and the worker start race) may have installed it meanwhile:
    // importPack then refuses the same version, which is what we wanted anyway.
    const now = await db.packs.get(seed.id);
    if (now && now.version >= seed.version) return 'current';
    throw error;
  }
}

export interface SeedInstaller {
  /** Starts the install unless one is running or done; resolves when the seed is current (never rejects). */
  ensure(): Promise<void>;
}

/**
 * One install per worker life; a failed one (quota, a broken database) is
 * logged and retried on the next call, and scans go on with what is installed.
 */
export function createSeedInstaller(
  db: CounterpointDB,
  seed: ClaimPack,
  onDone: (outcome: SeedOutcome) => void,
  onError: (error: unknown) => void,
): SeedInstaller {
  let running: Promise<void> | undefined;
  return {
    ensure() {
      running ??= ensureSeedPack(db, seed).then(onDone, (error: unknown) => {
        running = undefined;
        onError(error);
      });
      return running;
    },
  };
}
