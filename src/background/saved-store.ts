/**
 * Saved and annotated claims in the database: saving from a page (on the
 * user's explicit action), the claims of one page for re-anchoring, and the
 * library's operations (list, update, delete and undo, import, backup). Every
 * input arrives validated by the message schemas; a claim is validated again
 * against SavedClaimSchema before it is written. Imports are all or nothing.
 */
import { LIMITS, type SavedClaim, SavedClaimSchema } from '@core/annotation/record';
import * as v from 'valibot';
import type { CounterpointDB, SavedClaimRow } from './db/database';

/** What a page sends to save a claim: no id, no dates, no address (the background sets them). */
export type SaveInput = Omit<SavedClaim, 'id' | 'created' | 'modified' | 'url' | 'orphaned'>;

/** The page a claim belongs to: its address without the fragment. */
export function pageKey(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

function rowOf(claim: SavedClaim): SavedClaimRow {
  return { ...claim, page: pageKey(claim.url) };
}

export function claimOfRow(row: SavedClaimRow): SavedClaim {
  const { page: _page, ...claim } = row;
  return claim;
}

export interface ImportOutcome {
  added: number;
  /** Already in the library (same id): left as they are. */
  duplicates: number;
}

export interface SavedStore {
  save(input: SaveInput, url: string): Promise<SavedClaim>;
  forPage(url: string): Promise<SavedClaim[]>;
  /** How many claims were saved on the page at `url` (an index count: nothing is read). */
  countForPage(url: string): Promise<number>;
  /** Re-anchoring results from the page itself: only claims of that page change. */
  setOrphaned(url: string, results: readonly { id: string; orphaned: boolean }[]): Promise<number>;
  list(): Promise<SavedClaim[]>;
  update(claim: SavedClaim): Promise<SavedClaim | null>;
  /** Removes and returns the claims (the library keeps them for undo). */
  remove(ids: readonly string[]): Promise<SavedClaim[]>;
  /** Puts claims back as they were (undo of a delete). */
  restore(claims: readonly SavedClaim[]): Promise<number>;
  /** Adds claims not already present (by id), in one transaction. */
  addAll(claims: readonly SavedClaim[]): Promise<ImportOutcome>;
  /** Claims `offset` to `offset + limit` in the order of `list`, and how many there are. */
  page(offset: number, limit: number): Promise<{ claims: SavedClaim[]; total: number }>;
  /**
   * Adds `tag` to (or removes it from) every claim of `ids`, in one
   * transaction: a claim that is gone or would carry too many tags refuses
   * the whole change (TagError). Returns the claims changed, before and after.
   */
  tag(
    ids: readonly string[],
    tag: string,
    op: 'add' | 'remove',
  ): Promise<{ before: SavedClaim[]; after: SavedClaim[] }>;
}

/** Why a bulk tag was refused; nothing was written. */
export class TagError extends Error {
  override name = 'TagError';
}

export function createSavedStore(db: CounterpointDB, now: () => Date = () => new Date()): SavedStore {
  const checked = (claim: SavedClaim): SavedClaim => v.parse(SavedClaimSchema, claim);
  return {
    async save(input, url) {
      const at = now().toISOString();
      const claim = checked({ ...input, id: `urn:uuid:${crypto.randomUUID()}`, created: at, modified: at, url });
      await db.savedClaims.add(rowOf(claim));
      return claim;
    },
    async forPage(url) {
      const rows = await db.savedClaims.where('page').equals(pageKey(url)).toArray();
      return rows.map(claimOfRow);
    },
    countForPage(url) {
      return db.savedClaims.where('page').equals(pageKey(url)).count();
    },
    async setOrphaned(url, results) {
      const page = pageKey(url);
      let changed = 0;
      await db.transaction('rw', db.savedClaims, async () => {
        for (const r of results) {
          const row = await db.savedClaims.get(r.id);
          if (row === undefined || row.page !== page || (row.orphaned ?? false) === r.orphaned) continue;
          await db.savedClaims.update(r.id, { orphaned: r.orphaned });
          changed++;
        }
      });
      return changed;
    },
    async list() {
      const rows = await db.savedClaims.orderBy('created').reverse().toArray();
      return rows.map(claimOfRow);
    },
    async update(claim) {
      const next = checked({ ...claim, modified: now().toISOString() });
      return db.transaction('rw', db.savedClaims, async () => {
        const old = await db.savedClaims.get(next.id);
        if (old === undefined) return null;
        // The page and the quote are what was saved; an edit changes what was said about them.
        const merged = checked({ ...next, url: old.url, quote: old.quote, created: old.created });
        await db.savedClaims.put(rowOf(merged));
        return merged;
      });
    },
    async remove(ids) {
      return db.transaction('rw', db.savedClaims, async () => {
        const rows = (await db.savedClaims.bulkGet([...ids])).filter((r): r is SavedClaimRow => r !== undefined);
        await db.savedClaims.bulkDelete(rows.map((r) => r.id));
        return rows.map(claimOfRow);
      });
    },
    async restore(claims) {
      const rows = claims.map((c) => rowOf(checked(c)));
      await db.savedClaims.bulkPut(rows);
      return rows.length;
    },
    async page(offset, limit) {
      return db.transaction('r', db.savedClaims, async () => {
        const [rows, total] = await Promise.all([
          db.savedClaims.orderBy('created').reverse().offset(offset).limit(limit).toArray(),
          db.savedClaims.count(),
        ]);
        return { claims: rows.map(claimOfRow), total };
      });
    },
    async tag(ids, tag, op) {
      const at = now().toISOString();
      return db.transaction('rw', db.savedClaims, async () => {
        const unique = [...new Set(ids)];
        const rows = await db.savedClaims.bulkGet(unique);
        const before: SavedClaim[] = [];
        const after: SavedClaim[] = [];
        rows.forEach((row, i) => {
          if (row === undefined) throw new TagError(`no saved claim ${unique[i]}`);
          const has = row.tags.includes(tag);
          if (op === 'add' ? has : !has) return;
          const tags = op === 'add' ? [...row.tags, tag] : row.tags.filter((t) => t !== tag);
          if (tags.length > LIMITS.tags) throw new TagError(`${row.id} already has ${LIMITS.tags} tags`);
          const claim = claimOfRow(row);
          before.push(claim);
          after.push(checked({ ...claim, tags, modified: at }));
        });
        await db.savedClaims.bulkPut(after.map(rowOf));
        return { before, after };
      });
    },
    async addAll(claims) {
      const rows = claims.map((c) => rowOf(checked(c)));
      return db.transaction('rw', db.savedClaims, async () => {
        const existing = new Set(
          (await db.savedClaims.bulkGet(rows.map((r) => r.id))).flatMap((r) => (r === undefined ? [] : [r.id])),
        );
        const fresh = [...new Map(rows.filter((r) => !existing.has(r.id)).map((r) => [r.id, r])).values()];
        await db.savedClaims.bulkAdd(fresh);
        return { added: fresh.length, duplicates: rows.length - fresh.length };
      });
    },
  };
}
