/**
 * The citation facts a page declares about itself: its title, site name,
 * authors and publication date, from the meta tags news sites publish
 * (Open Graph, article:*, citation_*, Dublin Core, author). Read as plain text,
 * bounded; the page may lie, and the reader can correct it in the library.
 */
import type { PageMeta } from '@core/annotation/record';

function metas(doc: Document, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const m of Array.from(doc.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? '').toLowerCase();
    if (!names.includes(key)) continue;
    const value = (m.getAttribute('content') ?? '').replace(/\s+/g, ' ').trim();
    if (value !== '' && !out.includes(value)) out.push(value);
  }
  return out;
}

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n) : s);

export function readPageMeta(doc: Document): PageMeta {
  const title = metas(doc, ['og:title', 'citation_title', 'dc.title'])[0] ?? doc.title.replace(/\s+/g, ' ').trim();
  const site = metas(doc, ['og:site_name', 'application-name', 'citation_journal_title'])[0] ?? doc.location?.hostname;
  const authors = metas(doc, ['author', 'article:author', 'citation_author', 'dc.creator', 'parsely-author'])
    // article:author is often a profile URL, not a name.
    .filter((a) => !/^https?:\/\//i.test(a))
    .map((a) => cut(a, 200))
    .slice(0, 20);
  const published = metas(doc, [
    'article:published_time',
    'citation_publication_date',
    'dc.date',
    'date',
    'pubdate',
    'parsely-pub-date',
  ])[0];
  const lang = doc.documentElement.getAttribute('lang')?.trim();
  const meta: PageMeta = {};
  if (title !== '') meta.title = cut(title, 500);
  if (site !== undefined && site !== '') meta.site = cut(site, 253);
  if (authors.length > 0) meta.authors = authors;
  if (published !== undefined) meta.published = cut(published, 40);
  if (lang !== undefined && lang !== '') meta.lang = cut(lang, 35);
  return meta;
}
