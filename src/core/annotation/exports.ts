/**
 * Saved claims out, in the formats students and fact-checkers already use,
 * and back in:
 * - Markdown with citations (title, site, authors, date, URL, date accessed);
 * - CSV, written by Papa Parse (quoting, embedded newlines, and formula
 *   escaping so a spreadsheet never runs a quoted `=HYPERLINK(…)`);
 * - schema.org ClaimReview JSON-LD, for every claim with a note or a verdict;
 * - a backup of everything (saved claims, installed packs, settings).
 * Imports (Web Annotation, ClaimReview, backup) are all or nothing: the first
 * bad field stops them with its path. Pure TypeScript.
 */
import Papa from 'papaparse';
import * as v from 'valibot';
import { HttpUrlSchema, issuePath, type SavedClaim, SavedClaimSchema, VERDICTS, type Verdict } from './record';
import { fromWebAnnotations, ImportError } from './web-annotation';

const STANCE_LABELS: Record<string, string> = {
  accusation: 'accusation',
  denial: 'denial',
  counter_accusation: 'counter-accusation',
};

/** One line, no Markdown syntax that could change the document's structure. */
function mdInline(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([\\`*_[\]<>#|])/g, '\\$1')
    .trim();
}

function day(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0];
}

/** A citation line: Authors, "Title", Site, date. URL (accessed date). */
export function citation(c: SavedClaim): string {
  const parts: string[] = [];
  if (c.authors !== undefined && c.authors.length > 0) parts.push(c.authors.join(', '));
  parts.push(`“${c.title ?? c.url}”`);
  if (c.site !== undefined) parts.push(c.site);
  const published = day(c.published);
  if (published !== undefined) parts.push(published);
  return `${parts.join(', ')}. ${c.url} (accessed ${day(c.created)}).`;
}

export function toMarkdown(claims: readonly SavedClaim[], heading = 'Saved claims'): string {
  const out = [`# ${mdInline(heading)}`, '', `${claims.length} claim${claims.length === 1 ? '' : 's'}.`, ''];
  claims.forEach((c, i) => {
    out.push(`## ${i + 1}. ${mdInline(c.title ?? c.url)}`, '');
    out.push(`> ${mdInline(c.quote.exact)}`, '');
    out.push(`- Source: ${mdInline(citation(c))}`);
    if (c.allegation !== undefined) {
      const a = c.allegation;
      out.push(
        `- Allegation: ${mdInline(STANCE_LABELS[a.stance] ?? a.stance)}; accuser ${mdInline(a.accuser ?? 'not named')}; accused ${mdInline(a.accused ?? 'not named')}`,
      );
    }
    if (c.verdict !== undefined) out.push(`- Verdict: ${c.verdict}${c.rating !== undefined ? ` (${c.rating}/5)` : ''}`);
    if (c.note !== undefined && c.note.trim() !== '') out.push(`- Note: ${mdInline(c.note)}`);
    if (c.tags.length > 0) out.push(`- Tags: ${c.tags.map(mdInline).join(', ')}`);
    if (c.orphaned === true) out.push('- Not found on the page at the last visit (orphaned).');
    out.push('');
  });
  return out.join('\n');
}

export const CSV_COLUMNS = [
  'id',
  'created',
  'url',
  'title',
  'site',
  'authors',
  'published',
  'quote',
  'sentence',
  'stance',
  'accuser',
  'accused',
  'verdict',
  'rating',
  'note',
  'tags',
  'orphaned',
] as const;

export function toCsv(claims: readonly SavedClaim[]): string {
  const rows = claims.map((c) => [
    c.id,
    c.created,
    c.url,
    c.title ?? '',
    c.site ?? '',
    (c.authors ?? []).join('; '),
    c.published ?? '',
    c.quote.exact,
    c.sentence ?? '',
    c.allegation?.stance ?? '',
    c.allegation?.accuser ?? '',
    c.allegation?.accused ?? '',
    c.verdict ?? '',
    c.rating === undefined ? '' : String(c.rating),
    c.note ?? '',
    c.tags.join('; '),
    c.orphaned === true ? 'true' : 'false',
  ]);
  return Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}

// schema.org ClaimReview (https://schema.org/ClaimReview), as fact-check search engines read it.

/** Verdicts on a 1–5 scale (5: the claim holds); "unverifiable" has no place on it. */
const VERDICT_RATING: Record<Verdict, number | undefined> = {
  supported: 5,
  disputed: 3,
  misleading: 2,
  unsupported: 1,
  unverifiable: undefined,
};

export interface ReviewAuthor {
  name: string;
  type?: 'Person' | 'Organization';
  url?: string;
}

/** One ClaimReview per claim that carries a note or a verdict; the others are not reviews. */
export function toClaimReviews(claims: readonly SavedClaim[], author: ReviewAuthor): Record<string, unknown>[] {
  return claims
    .filter((c) => c.verdict !== undefined || (c.note !== undefined && c.note.trim() !== ''))
    .map((c) => {
      const ratingValue = c.rating ?? (c.verdict === undefined ? undefined : VERDICT_RATING[c.verdict]);
      const claimAuthor = c.allegation?.accuser ?? c.site;
      return {
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        '@id': c.id,
        datePublished: day(c.modified),
        author: { '@type': author.type ?? 'Person', name: author.name, ...(author.url ? { url: author.url } : {}) },
        claimReviewed: c.sentence ?? c.quote.exact,
        itemReviewed: {
          '@type': 'Claim',
          ...(claimAuthor !== undefined ? { author: { '@type': 'Organization', name: claimAuthor } } : {}),
          ...(day(c.published) !== undefined ? { datePublished: day(c.published) } : {}),
          appearance: {
            '@type': 'CreativeWork',
            url: c.url,
            ...(c.title !== undefined ? { headline: c.title } : {}),
            ...(c.site !== undefined ? { publisher: { '@type': 'Organization', name: c.site } } : {}),
          },
          ...(c.quote.exact !== (c.sentence ?? c.quote.exact) ? { text: c.quote.exact } : {}),
        },
        ...(c.verdict !== undefined || ratingValue !== undefined
          ? {
              reviewRating: {
                '@type': 'Rating',
                ...(ratingValue !== undefined ? { ratingValue, bestRating: 5, worstRating: 1 } : {}),
                ...(c.verdict !== undefined ? { alternateName: c.verdict } : {}),
              },
            }
          : {}),
        ...(c.note !== undefined && c.note.trim() !== '' ? { reviewBody: c.note } : {}),
        ...(c.tags.length > 0 ? { keywords: c.tags.join(', ') } : {}),
      };
    });
}

const NameSchema = v.union([v.string(), v.object({ name: v.string() })]);
const ClaimReviewSchema = v.object({
  '@type': v.union([v.literal('ClaimReview'), v.pipe(v.array(v.string()), v.includes('ClaimReview'))]),
  '@id': v.optional(v.pipe(v.string(), v.maxLength(2048))),
  url: v.optional(v.pipe(v.string(), v.maxLength(8192))),
  datePublished: v.optional(v.string()),
  claimReviewed: v.pipe(v.string('expected the claim reviewed'), v.minLength(1), v.maxLength(4000)),
  reviewBody: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  keywords: v.optional(v.union([v.string(), v.array(v.string())])),
  itemReviewed: v.object({
    author: v.optional(v.union([NameSchema, v.array(NameSchema)])),
    datePublished: v.optional(v.string()),
    text: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(4000))),
    appearance: v.union([
      v.object({ url: HttpUrlSchema, headline: v.optional(v.string()) }),
      v.pipe(v.array(v.object({ url: HttpUrlSchema, headline: v.optional(v.string()) })), v.minLength(1)),
    ]),
  }),
  reviewRating: v.optional(
    v.object({
      ratingValue: v.optional(v.union([v.number(), v.string()])),
      bestRating: v.optional(v.union([v.number(), v.string()])),
      worstRating: v.optional(v.union([v.number(), v.string()])),
      alternateName: v.optional(v.string()),
    }),
  ),
});

function fail(path: string, issues: v.BaseIssue<unknown>[]): ImportError {
  const issue = issues[0] as v.BaseIssue<unknown>;
  return new ImportError(`${path}${issuePath(issue).slice(1)}`, issue.message);
}

/** A 1–5 rating from a review's own scale (e.g. 1–7 → 1–5). */
function scaled(r: v.InferOutput<typeof ClaimReviewSchema>['reviewRating']): number | undefined {
  if (r?.ratingValue === undefined) return undefined;
  const value = Number(r.ratingValue);
  const best = Number(r.bestRating ?? 5);
  const worst = Number(r.worstRating ?? 1);
  if (![value, best, worst].every(Number.isFinite) || best <= worst) return undefined;
  return Math.min(5, Math.max(1, Math.round(1 + ((value - worst) / (best - worst)) * 4)));
}

function reviewItems(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (typeof json === 'object' && json !== null && Array.isArray((json as { '@graph'?: unknown })['@graph']))
    return (json as { '@graph': unknown[] })['@graph'];
  return [json];
}

/** Saved claims from ClaimReview JSON-LD: one object, an array, or an `@graph`. */
export function fromClaimReviews(json: unknown, now: string): SavedClaim[] {
  return reviewItems(json).map((item, i) => {
    const parsed = v.safeParse(ClaimReviewSchema, item);
    if (!parsed.success) throw fail(`$[${i}]`, parsed.issues);
    const r = parsed.output;
    const appearance = Array.isArray(r.itemReviewed.appearance)
      ? (r.itemReviewed.appearance[0] as { url: string; headline?: string })
      : r.itemReviewed.appearance;
    const alt = r.reviewRating?.alternateName?.toLowerCase();
    const verdict = VERDICTS.find((x) => x === alt);
    const rating = scaled(r.reviewRating);
    const created = /^\d{4}-\d{2}-\d{2}$/.test(r.datePublished ?? '') ? `${r.datePublished}T00:00:00.000Z` : now;
    const keywords = typeof r.keywords === 'string' ? r.keywords.split(',') : (r.keywords ?? []);
    return {
      id: r['@id'] ?? r.url ?? `urn:claimreview:${appearance.url}#${r.claimReviewed.slice(0, 200)}`,
      created,
      modified: created,
      url: appearance.url,
      ...(appearance.headline !== undefined ? { title: appearance.headline.slice(0, 500) } : {}),
      quote: { type: 'TextQuoteSelector', exact: r.itemReviewed.text ?? r.claimReviewed },
      ...(r.itemReviewed.text !== undefined ? { sentence: r.claimReviewed } : {}),
      ...(r.reviewBody !== undefined ? { note: r.reviewBody } : {}),
      tags: keywords.map((k) => k.trim()).filter((k) => k !== ''),
      ...(verdict !== undefined ? { verdict } : {}),
      ...(rating !== undefined ? { rating } : {}),
      ...(r.itemReviewed.datePublished !== undefined ? { published: r.itemReviewed.datePublished.slice(0, 40) } : {}),
    };
  });
}

// The backup: everything the user has, in one file.

export const BACKUP_FORMAT = 'counterpoint-backup';
export const BACKUP_VERSION = 1;

export const BackupSchema = v.strictObject({
  format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
  version: v.literal(BACKUP_VERSION, `expected ${BACKUP_VERSION}`),
  exportedAt: v.string(),
  savedClaims: v.array(SavedClaimSchema),
  /** Installed packs other than the built-in ones, as published (validated as packs on restore). */
  packs: v.array(v.unknown()),
  settings: v.record(v.string(), v.unknown()),
});
export type Backup = v.InferOutput<typeof BackupSchema>;

export type ImportKind = 'webannotation' | 'claimreview' | 'backup';

export interface ParsedImport {
  kind: ImportKind;
  claims: SavedClaim[];
  packs: unknown[];
  settings: Record<string, unknown> | null;
}

function typeOf(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return undefined;
  return (json as Record<string, unknown>).type ?? (json as Record<string, unknown>)['@type'];
}

function hasType(json: unknown, name: string): boolean {
  const t = typeOf(json);
  return t === name || (Array.isArray(t) && t.includes(name));
}

/**
 * Reads an import file (JSON already parsed): a Counterpoint backup, Web
 * Annotation JSON-LD (an Annotation or an AnnotationCollection), or
 * ClaimReview JSON-LD. Every claim is checked against the saved-claim schema;
 * the first problem throws an ImportError naming its path, so nothing is
 * half-imported.
 */
export function parseImport(json: unknown, now: string): ParsedImport {
  let kind: ImportKind;
  let claims: SavedClaim[];
  let packs: unknown[] = [];
  let settings: Record<string, unknown> | null = null;
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === BACKUP_FORMAT) {
    const parsed = v.safeParse(BackupSchema, json);
    if (!parsed.success) throw fail('$', parsed.issues);
    kind = 'backup';
    claims = parsed.output.savedClaims;
    packs = parsed.output.packs;
    settings = parsed.output.settings;
  } else if (hasType(json, 'Annotation') || hasType(json, 'AnnotationCollection')) {
    kind = 'webannotation';
    claims = fromWebAnnotations(json, now);
  } else {
    const items = reviewItems(json);
    if (items.length === 0 || !items.every((x) => hasType(x, 'ClaimReview')))
      throw new ImportError('$', 'not a Counterpoint backup, a Web Annotation or a ClaimReview');
    kind = 'claimreview';
    claims = fromClaimReviews(json, now);
  }
  const checked = claims.map((c, i) => {
    const parsed = v.safeParse(SavedClaimSchema, c);
    if (!parsed.success) throw fail(`$[${i}]`, parsed.issues);
    return parsed.output;
  });
  return { kind, claims: checked, packs, settings };
}
