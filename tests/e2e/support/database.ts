import type { Page } from 'playwright-core';

/** The extension's IndexedDB database (src/background/db/database.ts). */
const DB_NAME = 'counterpoint';

export interface PackState {
  id: string;
  version: number;
  installedAt: string;
  source: { kind: string };
  counts: { actors: number; incidents: number; claims: number; relations: number };
}

/** What the user has, read straight from the database and `storage.local`. */
export interface UserData {
  /** Saved and annotated claims, as stored, by id. */
  savedClaims: Array<Record<string, unknown> & { id: string }>;
  /** Installed packs by id (the seed included). */
  packs: PackState[];
  /**
   * The stored claim rows of the packs the user made or installed (not the
   * built-in ones), by key: blocks of up to 64 claims since database version 4
   * (key `pack#block`, src/background/db/claim-store.ts), compared whole.
   */
  userPackClaims: Array<Record<string, unknown> & { key: string }>;
  /** `storage.local`, less the keys a test probe writes. */
  settings: Record<string, unknown>;
}

/**
 * Reads everything the user has from an extension page (same origin as the
 * service worker, so the same database), without going through the worker:
 * the reading works while the worker is stopped and cannot be served from its
 * memory.
 */
export async function readUserData(extensionPage: Page): Promise<UserData> {
  return extensionPage.evaluate(async (name) => {
    // Opening an absent database would create an empty one that the extension then fails to upgrade.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) throw new Error(`no database ${name}`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    try {
      const packs = (await all<Record<string, unknown> & { id: string; source: { kind: string } }>('packs')).map(
        (p) => ({
          id: p.id,
          version: p.version as number,
          installedAt: p.installedAt as string,
          source: p.source,
          counts: p.counts as { actors: number; incidents: number; claims: number; relations: number },
        }),
      );
      const userPacks = new Set(packs.filter((p) => p.source.kind !== 'builtin').map((p) => p.id));
      const claims = await all<Record<string, unknown> & { key: string; packId: string }>('claims');
      const api = (
        globalThis as unknown as { chrome: { storage: { local: { get(): Promise<Record<string, unknown>> } } } }
      ).chrome;
      const settings = Object.fromEntries(
        Object.entries(await api.storage.local.get()).filter(([key]) => !key.startsWith('e2e:')),
      );
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      return {
        savedClaims: (await all<Record<string, unknown> & { id: string }>('savedClaims')).sort(byId),
        packs: packs.sort(byId),
        userPackClaims: claims.filter((c) => userPacks.has(c.packId)).sort((a, b) => a.key.localeCompare(b.key)),
        settings,
      };
    } finally {
      db.close();
    }
  }, DB_NAME);
}

/**
 * Sets an installed pack's version back, as an older release of the extension
 * would have left it: the next start of the worker finds the bundled copy
 * newer and takes the upgrade path.
 */
export async function setPackVersion(extensionPage: Page, packId: string, version: number): Promise<void> {
  await extensionPage.evaluate(
    async ({ name, packId, version }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('packs', 'readwrite');
          const store = tx.objectStore('packs');
          const get = store.get(packId);
          get.onsuccess = () => {
            if (get.result === undefined) {
              tx.abort();
              return;
            }
            store.put({ ...get.result, version });
          };
          tx.oncomplete = () => resolve();
          tx.onabort = () => reject(new Error(`no pack ${packId}`));
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { name: DB_NAME, packId, version },
  );
}
