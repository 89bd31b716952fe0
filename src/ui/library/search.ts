/**
 * The library's search and filters over saved claims. Full text through
 * MiniSearch (an inverted index built once, so a keystroke is a lookup, not a
 * scan of every claim): quote, note, page title, site, sentence and tags, in
 * English and French with accents and case folded, prefix and typo-tolerant.
 * Filters (actor, stance, verdict, site, tag, date range, orphaned) and sorting
 * run on the hits. Pure: no DOM, tested in Node.
 */
import type { SavedClaim } from '@core/annotation/record';
import MiniSearch from 'minisearch';

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
  /** ISO dates (inclusive) on the date saved. */
  from?: string;
  to?: string;
  orphaned?: boolean;
  sort?: SortOrder;
}

/** Lower case, no diacritics: "Pékin" and "pekin" are one word. */
export function foldTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export interface LibraryIndex {
  search(filters: LibraryFilters): SavedClaim[];
  /** Distinct values for the filter menus. */
  facets(): { sites: string[]; tags: string[]; actors: string[] };
}

export function createLibraryIndex(claims: readonly SavedClaim[]): LibraryIndex {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const index = new MiniSearch<{
    id: string;
    quote: string;
    note: string;
    title: string;
    site: string;
    sentence: string;
    tags: string;
  }>({
    fields: ['quote', 'note', 'title', 'site', 'sentence', 'tags'],
    idField: 'id',
    processTerm: (term) => foldTerm(term),
    searchOptions: { prefix: true, fuzzy: 0.15, combineWith: 'AND', boost: { quote: 2, note: 1.5, title: 1.2 } },
  });
  index.addAll(
    claims.map((c) => ({
      id: c.id,
      quote: c.quote.exact,
      note: c.note ?? '',
      title: c.title ?? '',
      site: c.site ?? '',
      sentence: c.sentence ?? '',
      tags: c.tags.join(' '),
    })),
  );

  function passes(c: SavedClaim, f: LibraryFilters): boolean {
    if (f.actor && c.allegation?.accuser !== f.actor && c.allegation?.accused !== f.actor) return false;
    if (f.stance && c.allegation?.stance !== f.stance) return false;
    if (f.verdict === 'none' ? c.verdict !== undefined : f.verdict && c.verdict !== f.verdict) return false;
    if (f.site && c.site !== f.site) return false;
    if (f.tag && !c.tags.includes(f.tag)) return false;
    const day = c.created.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.orphaned !== undefined && (c.orphaned ?? false) !== f.orphaned) return false;
    return true;
  }

  return {
    search(f) {
      const text = f.text.trim();
      const hits =
        text === ''
          ? [...claims]
          : index.search(text).flatMap((r) => {
              const c = byId.get(String(r.id));
              return c === undefined ? [] : [c];
            });
      const out = hits.filter((c) => passes(c, f));
      const sort = f.sort ?? (text === '' ? 'newest' : 'relevance');
      if (sort === 'newest') out.sort((a, b) => b.created.localeCompare(a.created));
      else if (sort === 'oldest') out.sort((a, b) => a.created.localeCompare(b.created));
      else if (sort === 'site')
        out.sort((a, b) => (a.site ?? '').localeCompare(b.site ?? '') || b.created.localeCompare(a.created));
      return out;
    },
    facets() {
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
    },
  };
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
