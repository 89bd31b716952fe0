/**
 * The statement picker over the installed packs: an index of every claim in
 * the database, built on the first search and rebuilt when a pack is
 * installed, updated or removed (the packs' versions and install times say
 * when), and the statements a saved claim links, read by key.
 */
import { createStatementIndex, hitOf, type StatementHit, type StatementIndex } from '@core/annotation/statement-search';
import type { Claim } from '@core/pack/schema';
import { readAllClaims, readClaimsByKeys } from './db/claim-store';
import type { CounterpointDB } from './db/database';
import { incidentOfRow } from './db/rows';

/** A claim read by key, without its key (as the statement index holds claims). */
function claimOf(row: Claim & { packId: string; key: string }): Claim & { packId: string } {
  const { key: _key, ...claim } = row;
  return claim;
}

export interface StatementSearch {
  search(query: string, limit: number): Promise<StatementHit[]>;
  /** The statements of `keys` that are installed, in the order given. */
  byKeys(keys: readonly string[]): Promise<StatementHit[]>;
}

export function createStatementSearch(db: CounterpointDB): StatementSearch {
  let cached: { fingerprint: string; index: Promise<StatementIndex> } | null = null;

  async function fingerprint(): Promise<string> {
    const packs = await db.packs.toArray();
    return packs
      .map((p) => `${p.id}@${p.version}@${p.installedAt}`)
      .sort()
      .join('|');
  }

  async function build(): Promise<StatementIndex> {
    const [claims, incidents] = await db.transaction('r', [db.packs, db.claims, db.claimIndex, db.incidents], () =>
      Promise.all([readAllClaims(db), db.incidents.toArray()]),
    );
    return createStatementIndex(
      claims,
      incidents.map((row) => ({ ...incidentOfRow(row), packId: row.packId })),
    );
  }

  async function index(): Promise<StatementIndex> {
    const fp = await fingerprint();
    if (cached === null || cached.fingerprint !== fp) {
      const next = { fingerprint: fp, index: build() };
      cached = next;
      // A failed build is not kept: the next search tries again.
      next.index.catch(() => {
        if (cached === next) cached = null;
      });
    }
    return cached.index;
  }

  return {
    async search(query, limit) {
      return (await index()).search(query, limit);
    },
    async byKeys(keys) {
      const rows = (await readClaimsByKeys(db, keys)).filter((r) => r !== undefined);
      const wanted = [...new Set(rows.flatMap((r) => (r.incident !== undefined ? [`${r.packId}/${r.incident}`] : [])))];
      const incidents = new Map(
        (await db.incidents.bulkGet(wanted)).flatMap((i) => (i === undefined ? [] : [[i.key, incidentOfRow(i)]])),
      );
      return rows.map((row) => hitOf(claimOf(row), incidents.get(`${row.packId}/${row.incident}`)));
    },
  };
}
