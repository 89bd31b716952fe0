/**
 * The saved claim: what Counterpoint keeps when a reader saves or annotates a
 * quote on a page. Declared once, as a valibot schema: the database row, the
 * backup file and every message that carries one derive their type and their
 * validator from it. Pure TypeScript.
 */
import * as v from 'valibot';
import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from '../anchor/selectors';

export const VERDICTS = ['supported', 'disputed', 'unsupported', 'misleading', 'unverifiable'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const ALLEGATION_STANCES = ['accusation', 'denial', 'counter_accusation'] as const;

export const LIMITS = {
  id: 2048,
  title: 500,
  site: 253,
  author: 200,
  authors: 20,
  sentence: 4000,
  note: 20_000,
  tag: 64,
  tags: 50,
  links: 50,
  actor: 128,
} as const;

const text = (max: number) => v.pipe(v.string('expected text'), v.maxLength(max, `expected at most ${max} characters`));
const nonEmpty = (max: number) => v.pipe(text(max), v.trim(), v.minLength(1, 'expected a non-empty text'));
export const HttpUrlSchema = v.pipe(
  v.string('expected a URL'),
  v.maxLength(8192, 'expected a URL of at most 8192 characters'),
  v.url('expected an http(s) URL'),
  v.check((s) => /^https?:\/\//i.test(s), 'expected an http(s) URL'),
);
export const IsoDateTimeSchema = v.pipe(
  v.string('expected a date'),
  v.isoTimestamp('expected an ISO 8601 date and time'),
);

/** The detected allegation the saved quote overlaps (or the fact-checker's correction of it). */
export const AllegationFieldsSchema = v.strictObject({
  stance: v.picklist(ALLEGATION_STANCES, `expected one of ${ALLEGATION_STANCES.join(', ')}`),
  accused: v.nullable(nonEmpty(LIMITS.actor)),
  accuser: v.nullable(nonEmpty(LIMITS.actor)),
  action: v.optional(nonEmpty(64)),
});

/** Citation facts the page declares about itself (meta tags): all optional. */
export const PageMetaSchema = v.strictObject({
  title: v.optional(text(LIMITS.title)),
  site: v.optional(text(LIMITS.site)),
  authors: v.optional(v.pipe(v.array(nonEmpty(LIMITS.author)), v.maxLength(LIMITS.authors))),
  published: v.optional(text(40)),
  lang: v.optional(text(35)),
});

export const SavedClaimSchema = v.strictObject({
  id: nonEmpty(LIMITS.id),
  created: IsoDateTimeSchema,
  modified: IsoDateTimeSchema,
  url: HttpUrlSchema,
  title: v.optional(text(LIMITS.title)),
  site: v.optional(text(LIMITS.site)),
  authors: v.optional(v.pipe(v.array(nonEmpty(LIMITS.author)), v.maxLength(LIMITS.authors))),
  published: v.optional(text(40)),
  quote: TextQuoteSelectorSchema,
  position: v.optional(TextPositionSelectorSchema),
  /** The sentence around the quote, as the page had it when saved. */
  sentence: v.optional(text(LIMITS.sentence)),
  allegation: v.optional(AllegationFieldsSchema),
  note: v.optional(text(LIMITS.note)),
  tags: v.pipe(v.array(nonEmpty(LIMITS.tag)), v.maxLength(LIMITS.tags, `expected at most ${LIMITS.tags} tags`)),
  verdict: v.optional(v.picklist(VERDICTS, `expected one of ${VERDICTS.join(', ')}`)),
  /** Optional rating on a 1–5 scale (5: the claim holds). */
  rating: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(5))),
  /** Statements of the claim database this claim is linked to (`packId/claimId`). */
  links: v.optional(v.pipe(v.array(nonEmpty(300)), v.maxLength(LIMITS.links))),
  /** Added as a statement of the local pack "My annotations" (see statements.ts). */
  statement: v.optional(v.boolean()),
  /** Set by re-anchoring: true when the quote was not found on the page's last visit. */
  orphaned: v.optional(v.boolean()),
});

export type SavedClaim = v.InferOutput<typeof SavedClaimSchema>;
export type AllegationFields = v.InferOutput<typeof AllegationFieldsSchema>;
export type PageMeta = v.InferOutput<typeof PageMetaSchema>;
export { isAnnotated } from './kinds';

/** The path of a valibot issue as `$.a[2].b`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (
    '$' +
    (issue.path ?? [])
      .map((p) => {
        const key = (p as { key: unknown }).key;
        return typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
      })
      .join('')
  );
}
