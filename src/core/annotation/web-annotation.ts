/**
 * Saved and annotated claims as W3C Web Annotations (Web Annotation Data
 * Model, https://www.w3.org/TR/annotation-model/): the record Counterpoint
 * keeps, its JSON-LD form (an Annotation, or an AnnotationCollection of
 * them), and the import of standard annotations. The import is a boundary:
 * one valibot schema validates it, errors name the first bad field by path,
 * and nothing is half-imported.
 */
import * as v from 'valibot';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../anchor/selectors';
import { type SavedClaim, SavedClaimSchema, VERDICTS, type Verdict } from './record';

export type { SavedClaim, Verdict } from './record';
export { VERDICTS } from './record';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

const httpUrl = v.pipe(
  v.string('expected a URL'),
  v.url('expected an http(s) URL'),
  v.check((s) => /^https?:\/\//.test(s), 'expected an http(s) URL'),
);
const isoDateTime = v.pipe(v.string('expected a date'), v.isoTimestamp('expected an ISO 8601 date and time'));

const SelectorSchema = v.variant('type', [TextQuoteSelectorSchema, TextPositionSelectorSchema]);

const TextualBodySchema = v.object({
  type: v.literal('TextualBody'),
  value: v.pipe(v.string('expected text'), v.maxLength(20_000)),
  purpose: v.optional(v.string()),
  format: v.optional(v.string()),
  language: v.optional(v.string()),
});

const SpecificResourceSchema = v.object({
  source: httpUrl,
  selector: v.union([SelectorSchema, v.pipe(v.array(SelectorSchema), v.minLength(1, 'expected a selector'))]),
});

/** A W3C Annotation as imported: what Counterpoint reads of it (other keys are allowed and ignored). */
export const WebAnnotationSchema = v.object({
  '@context': v.optional(v.union([v.string(), v.array(v.unknown())])),
  id: v.optional(v.pipe(v.string(), v.maxLength(2048, 'expected an id of at most 2048 characters'))),
  type: v.union([v.literal('Annotation'), v.pipe(v.array(v.string()), v.includes('Annotation'))]),
  motivation: v.optional(v.union([v.string(), v.array(v.string())])),
  created: v.optional(isoDateTime),
  modified: v.optional(isoDateTime),
  body: v.optional(v.union([TextualBodySchema, v.array(v.union([TextualBodySchema, v.string()])), v.string()])),
  target: v.union([SpecificResourceSchema, v.pipe(v.array(SpecificResourceSchema), v.minLength(1))]),
});

export const AnnotationCollectionSchema = v.object({
  '@context': v.optional(v.union([v.string(), v.array(v.unknown())])),
  type: v.union([v.literal('AnnotationCollection'), v.pipe(v.array(v.string()), v.includes('AnnotationCollection'))]),
  first: v.object({ items: v.array(v.unknown()) }),
});

export type WebAnnotation = v.InferOutput<typeof WebAnnotationSchema>;

/** One Web Annotation for a saved claim: bookmarking when it is only saved, assessing when it carries a verdict. */
export function toWebAnnotation(claim: SavedClaim): Record<string, unknown> {
  const body: Record<string, unknown>[] = [];
  if (claim.note) body.push({ type: 'TextualBody', value: claim.note, purpose: 'commenting', format: 'text/plain' });
  for (const tag of claim.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (claim.verdict) body.push({ type: 'TextualBody', value: claim.verdict, purpose: 'assessing' });
  const selector: unknown[] = [claim.quote];
  if (claim.position) selector.push(claim.position);
  return {
    '@context': ANNO_CONTEXT,
    id: claim.id,
    type: 'Annotation',
    motivation: claim.verdict ? 'assessing' : claim.note ? 'commenting' : 'bookmarking',
    created: claim.created,
    modified: claim.modified,
    ...(body.length > 0 ? { body } : {}),
    target: { source: claim.url, ...(claim.title ? { title: claim.title } : {}), selector },
    // What the model has no term for, under a key of Counterpoint's own (other tools ignore it).
    [EXTRA_KEY]: extrasOf(claim),
  };
}

/** The key of Counterpoint's own fields in an exported annotation. */
export const EXTRA_KEY = 'counterpoint';
const ExtrasSchema = v.partial(
  v.pick(SavedClaimSchema, ['site', 'authors', 'published', 'sentence', 'allegation', 'rating', 'links']),
);

function extrasOf(c: SavedClaim): v.InferOutput<typeof ExtrasSchema> {
  const out: v.InferOutput<typeof ExtrasSchema> = {};
  if (c.site !== undefined) out.site = c.site;
  if (c.authors !== undefined) out.authors = c.authors;
  if (c.published !== undefined) out.published = c.published;
  if (c.sentence !== undefined) out.sentence = c.sentence;
  if (c.allegation !== undefined) out.allegation = c.allegation;
  if (c.rating !== undefined) out.rating = c.rating;
  if (c.links !== undefined) out.links = c.links;
  return out;
}

/** An AnnotationCollection of saved claims, all on one page of items. */
export function toAnnotationCollection(claims: readonly SavedClaim[], id: string, label: string) {
  return {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label,
    total: claims.length,
    first: { type: 'AnnotationPage', items: claims.map(toWebAnnotation) },
  };
}

export class ImportError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

function firstIssue(prefix: string, issues: v.GenericIssue[]): ImportError {
  const issue = issues[0] as v.GenericIssue;
  const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('');
  return new ImportError(`${prefix}${path}`, issue.message);
}

/**
 * Saved claims from a Web Annotation or an AnnotationCollection (JSON already
 * parsed). All or nothing: the first bad annotation stops the import with an
 * error naming its path. `now` dates annotations that carry no date.
 */
export function fromWebAnnotations(json: unknown, now: string): SavedClaim[] {
  const asCollection = v.safeParse(AnnotationCollectionSchema, json);
  const items = asCollection.success ? asCollection.output.first.items : [json];
  const prefix = (i: number) => (asCollection.success ? `$.first.items[${i}]` : '$');
  return items.map((item, i) => {
    const parsed = v.safeParse(WebAnnotationSchema, item);
    if (!parsed.success) throw firstIssue(prefix(i), parsed.issues);
    const a = parsed.output;
    const target = Array.isArray(a.target) ? (a.target[0] as (typeof a.target)[number]) : a.target;
    const selectors = Array.isArray(target.selector) ? target.selector : [target.selector];
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (quote === undefined || quote.type !== 'TextQuoteSelector')
      throw new ImportError(`${prefix(i)}.target.selector`, 'expected a TextQuoteSelector');
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const bodies = (a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body]).map((b) =>
      typeof b === 'string' ? { type: 'TextualBody' as const, value: b, purpose: 'commenting' } : b,
    );
    const note = bodies.filter((b) => (b.purpose ?? 'commenting') === 'commenting').map((b) => b.value);
    const verdict = bodies.find((b) => b.purpose === 'assessing' && (VERDICTS as readonly string[]).includes(b.value));
    const extras = v.safeParse(ExtrasSchema, (item as Record<string, unknown>)[EXTRA_KEY]);
    if ((item as Record<string, unknown>)[EXTRA_KEY] !== undefined && !extras.success)
      throw firstIssue(`${prefix(i)}.${EXTRA_KEY}`, extras.issues);
    const title = (target as { title?: unknown }).title;
    return {
      ...(extras.success ? extras.output : {}),
      ...(typeof title === 'string' && title.length <= 500 ? { title } : {}),
      id: a.id ?? `urn:uuid:${crypto.randomUUID()}`,
      created: a.created ?? now,
      modified: a.modified ?? a.created ?? now,
      url: target.source,
      quote,
      ...(position !== undefined && position.type === 'TextPositionSelector' ? { position } : {}),
      ...(note.length > 0 ? { note: note.join('\n\n') } : {}),
      tags: bodies.filter((b) => b.purpose === 'tagging').map((b) => b.value),
      ...(verdict !== undefined ? { verdict: verdict.value as Verdict } : {}),
    };
  });
}
