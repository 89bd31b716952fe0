/**
 * The library's search and filters over saved claims. Full text through
 * MiniSearch (an inverted index, so a keystroke is a lookup, not a scan of
 * every claim): quote, note, page title, site, sentence and tags, in English
 * and French with accents and case folded, prefix and typo-tolerant. The index
 * is built in slices after the list is on screen (see buildTextIndex); until
 * it is ready, a plain scan of folded words answers (exact word prefixes, no
 * typo tolerance). Filters (actor, stance, verdict, site, tag, date range,
 * orphaned) and sorting run on the hits. Pure: no DOM, tested in Node.
 */
import { foldedWords, foldTerm } from '@core/annotation/fold';
import type { SavedClaim } from '@core/annotation/record';
import MiniSearch from 'minisearch';

export { foldTerm };

export type SortOrder = 'newest' | 'oldest' | 'site' | 'relevance';

export interface LibraryFilters {
  text: string;
  /** An actor id as accuser or accused ("CN", "APT31"). */
  actor?: string;
  stance?: string;
  /** A verdict, or "none" for claims without one. */
  verdict?: string;
  site?: string;
  tag?: string;
  /** ISO dates (`YYYY-MM-DD`, inclusive) on the day saved. */
  from?: string;
  to?: string;
  orphaned?: boolean;
  sort?: SortOrder;
}

/** True when the claim passes every filter set (the text aside). */
export function matchesFilters(c: SavedClaim, f: LibraryFilters): boolean {
  if (f.actor && c.allegation?.accuser !== f.actor && c.allegation?.accused !== f.actor) return false;
  if (f.stance && c.allegation?.stance !== f.stance) return false;
  if (f.verdict === 'none' ? c.verdict !== undefined : f.verdict && c.verdict !== f.verdict) return false;
  if (f.site && c.site !== f.site) return false;
  if (f.tag && !c.tags.includes(f.tag)) return false;
  if (f.from || f.to) {
    const day = c.created.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
  }
  if (f.orphaned !== undefined && (c.orphaned ?? false) !== f.orphaned) return false;
  return true;
}

// Plain comparisons: ISO timestamps order as strings, and localeCompare is slow over 10,000 items.
const newestFirst = (a: SavedClaim, b: SavedClaim) => (a.created < b.created ? 1 : a.created > b.created ? -1 : 0);
const oldestFirst = (a: SavedClaim, b: SavedClaim) => -newestFirst(a, b);

/**
 * The hits that pass the filters, sorted: newest first by default, in the
 * order given (relevance) when `ranked` and no other order is asked for.
 */
export function applyFilters(hits: readonly SavedClaim[], f: LibraryFilters, ranked = false): SavedClaim[] {
  const out = hits.filter((c) => matchesFilters(c, f));
  const sort = f.sort ?? (ranked ? 'relevance' : 'newest');
  if (sort === 'newest') out.sort(newestFirst);
  else if (sort === 'oldest') out.sort(oldestFirst);
  else if (sort === 'site') out.sort((a, b) => (a.site ?? '').localeCompare(b.site ?? '') || newestFirst(a, b));
  return out;
}

export interface Facets {
  sites: string[];
  tags: string[];
  actors: string[];
}

/** Distinct values for the filter menus. */
export function facetsOf(claims: readonly SavedClaim[]): Facets {
  const sites = new Set<string>();
  const tags = new Set<string>();
  const actors = new Set<string>();
  for (const c of claims) {
    if (c.site) sites.add(c.site);
    for (const t of c.tags) tags.add(t);
    if (c.allegation?.accuser) actors.add(c.allegation.accuser);
    if (c.allegation?.accused) actors.add(c.allegation.accused);
  }
  const sorted = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
  return { sites: sorted(sites), tags: sorted(tags), actors: sorted(actors) };
}

function textOf(c: SavedClaim): string {
  return [c.quote.exact, c.note ?? '', c.title ?? '', c.site ?? '', c.sentence ?? '', c.tags.join(' ')].join('\n');
}

const haystacks = new WeakMap<SavedClaim, string>();

/**
 * The fallback before the index is ready: claims in which every word of the
 * query begins a word (accents and case folded), in the order given.
 */
export function scanSearch(claims: readonly SavedClaim[], text: string): SavedClaim[] {
  const words = foldedWords(text);
  if (words.length === 0) return [...claims];
  const needles = words.map((w) => ` ${w}`);
  return claims.filter((c) => {
    let hay = haystacks.get(c);
    if (hay === undefined) {
      hay = ` ${foldedWords(textOf(c)).join(' ')} `;
      haystacks.set(c, hay);
    }
    for (const n of needles) if (!hay.includes(n)) return false;
    return true;
  });
}

interface Doc {
  id: string;
  quote: string;
  note: string;
  title: string;
  site: string;
  sentence: string;
  tags: string;
}

function docOf(c: SavedClaim): Doc {
  return {
    id: c.id,
    quote: c.quote.exact,
    note: c.note ?? '',
    title: c.title ?? '',
    site: c.site ?? '',
    sentence: c.sentence ?? '',
    tags: c.tags.join(' '),
  };
}

/** The full-text index of the claims, kept in step with the list by `sync`. */
export interface TextIndex {
  /** The claims whose text matches, best first. */
  hits(text: string): SavedClaim[];
  /** How many claims `sync(claims)` would add, re-index or drop. */
  diff(claims: readonly SavedClaim[]): number;
  /** Brings the index to `claims` (a claim is re-indexed when its `modified` changed); returns the changes. */
  sync(claims: readonly SavedClaim[]): number;
  readonly size: number;
}

function emptyIndex(): TextIndex & { add(c: SavedClaim): void } {
  const mini = new MiniSearch<Doc>({
    fields: ['quote', 'note', 'title', 'site', 'sentence', 'tags'],
    idField: 'id',
    processTerm: (term) => foldTerm(term),
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { quote: 2, note: 1.5, title: 1.2 } },
  });
  /** What was indexed of each claim: its `modified`, and the latest object of it. */
  const known = new Map<string, { modified: string; claim: SavedClaim }>();
  return {
    add(c) {
      if (known.has(c.id)) return;
      mini.add(docOf(c));
      known.set(c.id, { modified: c.modified, claim: c });
    },
    hits(text) {
      return mini.search(text).flatMap((r) => {
        const c = known.get(String(r.id));
        return c === undefined ? [] : [c.claim];
      });
    },
    diff(claims) {
      let changes = 0;
      for (const c of claims) if (known.get(c.id)?.modified !== c.modified) changes++;
      const ids = new Set(claims.map((c) => c.id));
      for (const id of known.keys()) if (!ids.has(id)) changes++;
      return changes;
    },
    sync(claims) {
      let changes = 0;
      const ids = new Set<string>();
      for (const c of claims) {
        ids.add(c.id);
        const k = known.get(c.id);
        if (k === undefined) mini.add(docOf(c));
        else if (k.modified !== c.modified) mini.replace(docOf(c));
        if (k === undefined || k.modified !== c.modified) changes++;
        known.set(c.id, { modified: c.modified, claim: c });
      }
      for (const id of [...known.keys()]) {
        if (ids.has(id)) continue;
        mini.discard(id);
        known.delete(id);
        changes++;
      }
      return changes;
    },
    get size() {
      return known.size;
    },
  };
}

/** The index of `claims`, built at once (tests, small lists). */
export function createTextIndex(claims: readonly SavedClaim[]): TextIndex {
  const index = emptyIndex();
  for (const c of claims) index.add(c);
  return index;
}

/**
 * Gives the event loop a turn: input and painting go first. A message to
 * oneself is a plain task, without setTimeout's 4 ms clamp; scheduler.yield
 * is not used, since its continuations run ahead of rendering (frames every
 * ~100 ms while building).
 */
export function yieldToPage(): Promise<void> {
  if (typeof MessageChannel !== 'undefined')
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface BuildOptions {
  /** Work per slice before the page gets a turn (keystrokes wait at most this long). */
  sliceMs?: number;
  /** Checked between slices: the build stops (resolves null) once it returns true. */
  cancelled?: () => boolean;
  pause?: () => Promise<void>;
  now?: () => number;
}

/**
 * Builds the index of `claims` in slices of about `sliceMs`, giving the page
 * a turn between them, so the list is painted and scrolls while 10,000
 * claims are indexed. Null when cancelled.
 */
export async function buildTextIndex(
  claims: readonly SavedClaim[],
  options: BuildOptions = {},
): Promise<TextIndex | null> {
  const sliceMs = options.sliceMs ?? 12;
  const pause = options.pause ?? yieldToPage;
  const now = options.now ?? (() => performance.now());
  const index = emptyIndex();
  let i = 0;
  while (i < claims.length) {
    const start = now();
    do index.add(claims[i++] as SavedClaim);
    while (i < claims.length && now() - start < sliceMs);
    if (i < claims.length) {
      await pause();
      if (options.cancelled?.()) return null;
    }
  }
  return index;
}

/**
 * The claims shown: the text matched through the index (or the scan while it
 * is not ready), then the filters and the order.
 */
export function searchClaims(
  claims: readonly SavedClaim[],
  filters: LibraryFilters,
  index: TextIndex | null,
): SavedClaim[] {
  const text = filters.text.trim();
  if (text === '') return applyFilters(claims, filters);
  return applyFilters(index !== null ? index.hits(text) : scanSearch(claims, text), filters, true);
}

export interface LibraryIndex {
  search(filters: LibraryFilters): SavedClaim[];
  /** Distinct values for the filter menus. */
  facets(): Facets;
}

/** Search and facets over a fixed list, indexed at once. */
export function createLibraryIndex(claims: readonly SavedClaim[]): LibraryIndex {
  const index = createTextIndex(claims);
  return {
    search: (filters) => searchClaims(claims, filters, index),
    facets: () => facetsOf(claims),
  };
}

/** The library's address for one claim: `library.html#claim=ID` opens it with its annotation form. */
export function claimHash(id: string): string {
  return `#claim=${encodeURIComponent(id)}`;
}

/** The claim id a library address asks for (`#claim=ID`), or null. */
export function claimOfHash(hash: string): string | null {
  const m = /^#?claim=(.+)$/.exec(hash);
  if (m === null) return null;
  try {
    const id = decodeURIComponent(m[1] as string).trim();
    return id === '' ? null : id;
  } catch {
    return null;
  }
}

/** A link back to the claim: the page, scrolled to the quote by a text fragment where the browser supports them. */
export function linkTo(c: SavedClaim): string {
  const base = c.url.split('#')[0] as string;
  const words = c.quote.exact.replace(/\s+/g, ' ').trim();
  if (words === '') return c.url;
  const enc = (s: string) => encodeURIComponent(s).replace(/-/g, '%2D');
  const parts = words.split(' ');
  const fragment =
    parts.length > 12 ? `${enc(parts.slice(0, 4).join(' '))},${enc(parts.slice(-4).join(' '))}` : enc(words);
  return `${base}#:~:text=${fragment}`;
}
