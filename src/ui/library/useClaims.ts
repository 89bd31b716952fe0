/**
 * The library's claims and their search index, loaded so that the list paints
 * first: the newest claims (one screen) come in one small message, then the
 * whole list, then the full-text index is built in slices while the list is
 * already on screen. Later changes (an edit, a delete, a bulk tag) update the
 * index in place; a large change (an import) rebuilds it in the background.
 */
import type { SavedClaim } from '@core/annotation/record';
import { useEffect, useState } from 'preact/hooks';
import type { LibraryApi } from './api';
import { buildTextIndex, type TextIndex } from './search';

/** Enough rows for a tall screen. */
export const FIRST_PAGE = 40;
/** Up to this many changed claims, the index is updated in place; beyond, rebuilt in slices. */
const IN_PLACE = 500;

export interface ClaimsState {
  claims: SavedClaim[] | null;
  /** False until the whole list is in (the first screen paints before). */
  complete: boolean;
  /** How many claims the library holds (known from the first page on). */
  total: number;
  /** Null while the index is being built: search falls back to a scan. */
  index: TextIndex | null;
  /** Changes whenever the index changes in place. */
  indexVersion: number;
  error: string | null;
  /** Reads the whole list again (after an import, a delete, an undo). */
  reload(): Promise<void>;
  /** Puts changed claims in place without reading the list again. */
  replace(changed: readonly SavedClaim[]): void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useClaims(api: LibraryApi): ClaimsState {
  const [claims, setClaims] = useState<SavedClaim[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [total, setTotal] = useState(0);
  const [index, setIndex] = useState<TextIndex | null>(null);
  const [indexVersion, setIndexVersion] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const reload = async () => {
    try {
      const all = await api.list();
      setClaims(all);
      setTotal(all.length);
      setComplete(true);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useEffect(() => {
    let gone = false;
    (async () => {
      try {
        const first = await api.listPage(0, FIRST_PAGE);
        if (gone) return;
        setClaims(first.claims);
        setTotal(first.total);
        if (first.claims.length >= first.total) {
          setComplete(true);
          return;
        }
        const all = await api.list();
        if (gone) return;
        setClaims(all);
        setTotal(all.length);
        setComplete(true);
      } catch (e) {
        if (!gone) setError(messageOf(e));
      }
    })();
    return () => {
      gone = true;
    };
  }, [api]);

  useEffect(() => {
    if (!complete || claims === null) return;
    if (index !== null && index.diff(claims) <= IN_PLACE) {
      if (index.sync(claims) > 0) setIndexVersion((v) => v + 1);
      return;
    }
    let cancelled = false;
    setIndex(null);
    void buildTextIndex(claims, { cancelled: () => cancelled }).then((built) => {
      if (built !== null && !cancelled) setIndex(built);
    });
    return () => {
      cancelled = true;
    };
    // The index is what this effect maintains, not what it depends on.
  }, [claims, complete]);

  return {
    claims,
    complete,
    total,
    index,
    indexVersion,
    error,
    reload,
    replace(changed) {
      const byId = new Map(changed.map((c) => [c.id, c]));
      setClaims((list) => (list ?? []).map((c) => byId.get(c.id) ?? c));
    },
  };
}
