/**
 * Citations of saved claims in the formats reference managers import:
 * CSL-JSON (Zotero, Mendeley, Word's citation tools via CSL processors) and
 * RIS. Each saved claim becomes one item — the article it was saved from,
 * with the quote and the note — accessed on the day it was saved.
 */
import type { SavedClaim } from './web-annotation';

/** "2026-12-05T07:00:00Z" → [[2026, 12, 5]]: CSL's date-parts. */
function dateParts(iso: string): { 'date-parts': number[][] } | undefined {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (m === null) return undefined;
  return { 'date-parts': [[m[1], m[2], m[3]].filter((x) => x !== undefined).map(Number)] };
}

/** "Jean-Noël Barrot" → { given: "Jean-Noël", family: "Barrot" }; a name with one word stays literal. */
function cslName(name: string): { given: string; family: string } | { literal: string } {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return { literal: name.trim() };
  return { given: parts.slice(0, -1).join(' '), family: parts.at(-1) as string };
}

export function toCslJson(claims: readonly SavedClaim[]): Record<string, unknown>[] {
  return claims.map((c) => {
    const issued = c.published !== undefined ? dateParts(c.published) : undefined;
    const accessed = dateParts(c.created);
    return {
      id: c.id,
      type: 'article-newspaper',
      title: c.title ?? c.url,
      ...(c.site !== undefined ? { 'container-title': c.site } : {}),
      URL: c.url,
      ...(c.authors !== undefined && c.authors.length > 0 ? { author: c.authors.map(cslName) } : {}),
      ...(issued !== undefined ? { issued } : {}),
      ...(accessed !== undefined ? { accessed } : {}),
      abstract: c.quote.exact,
      ...(c.note !== undefined ? { note: c.note } : {}),
      ...(c.tags.length > 0 ? { keyword: c.tags.join(', ') } : {}),
    };
  });
}

/** RIS: one "TAG  - value" per line; a value never spans lines. */
function ris(tag: string, value: string): string {
  return `${tag}  - ${value.replace(/\s*[\r\n]+\s*/g, ' ').trim()}`;
}

export function toRis(claims: readonly SavedClaim[]): string {
  const records = claims.map((c) => {
    const lines = [ris('TY', 'NEWS'), ris('TI', c.title ?? c.url)];
    for (const a of c.authors ?? []) {
      const n = cslName(a);
      lines.push(ris('AU', 'literal' in n ? n.literal : `${n.family}, ${n.given}`));
    }
    if (c.site !== undefined) lines.push(ris('T2', c.site));
    if (c.published !== undefined) lines.push(ris('DA', c.published.slice(0, 10).replaceAll('-', '/')));
    lines.push(ris('UR', c.url), ris('Y2', c.created.slice(0, 10).replaceAll('-', '/')), ris('AB', c.quote.exact));
    if (c.note !== undefined) lines.push(ris('N1', c.note));
    for (const t of c.tags) lines.push(ris('KW', t));
    lines.push(ris('ID', c.id), 'ER  - ');
    return lines.join('\r\n');
  });
  return `${records.join('\r\n\r\n')}\r\n`;
}
