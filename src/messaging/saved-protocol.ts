/**
 * The messages of saved and annotated claims, declared once as valibot
 * schemas: each message's type and its validator derive from its schema.
 * A message is first copied as plain JSON (validateJsonValue: no accessors,
 * no prototypes, bounded size), then parsed; what reaches a handler is that
 * parsed copy, never the sender's object.
 *
 * Who may send what: a content script (an untrusted page's tab) may only save
 * a claim on its own page (after a trusted user gesture, see
 * src/content/selection.ts), read its own page's claims and report their
 * anchoring; everything else (list, edit, delete, import, backup) comes from
 * extension pages only.
 */

import { TextPositionSelectorSchema, TextQuoteSelectorSchema } from '@core/anchor/selectors';
import type { SavedClaim } from '@core/annotation/record';
import { AllegationFieldsSchema, LIMITS, PageMetaSchema, SavedClaimSchema, VERDICTS } from '@core/annotation/record';
import type { StatementHit } from '@core/annotation/statement-search';
import * as v from 'valibot';
import { type Validation, validateJsonValue } from './boundary';

export const SAVED_LIMITS = {
  /** Claims one page may report anchoring for in one message. */
  anchorResults: 1_000,
  /** Quotes one page may ask the background to look for approximately, and the text it may send. */
  fuzzyQuotes: 200,
  fuzzyTextChars: 5_000_000,
  /** Ids in one delete. */
  ids: 20_000,
  /** Claims in one restore (undo of a delete). */
  restore: 20_000,
  /** Claims in one page of the list. */
  page: 1_000,
  /** Characters of a statement search, and statements it returns. */
  statementQuery: 200,
  statements: 50,
} as const;

/** What a page's content script sends to save a claim. */
export const SaveInputSchema = v.strictObject({
  quote: TextQuoteSelectorSchema,
  position: v.optional(TextPositionSelectorSchema),
  sentence: v.optional(v.pipe(v.string(), v.maxLength(4000))),
  allegation: v.optional(AllegationFieldsSchema),
  meta: PageMetaSchema,
  note: v.optional(v.pipe(v.string(), v.maxLength(20_000))),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64))), v.maxLength(50))),
  verdict: v.optional(v.picklist(VERDICTS)),
});
export type SaveInputMessage = v.InferOutput<typeof SaveInputSchema>;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(2048));

export const SavedMessageSchemas = {
  saveClaim: v.strictObject({ type: v.literal('saveClaim'), claim: SaveInputSchema }),
  savedForPage: v.strictObject({ type: v.literal('savedForPage') }),
  anchorStatus: v.strictObject({
    type: v.literal('anchorStatus'),
    results: v.pipe(v.array(v.strictObject({ id, orphaned: v.boolean() })), v.maxLength(SAVED_LIMITS.anchorResults)),
  }),
  anchorFuzzy: v.strictObject({
    type: v.literal('anchorFuzzy'),
    text: v.pipe(v.string(), v.maxLength(SAVED_LIMITS.fuzzyTextChars)),
    quotes: v.pipe(
      v.array(v.strictObject({ id, quote: TextQuoteSelectorSchema, position: v.optional(TextPositionSelectorSchema) })),
      v.maxLength(SAVED_LIMITS.fuzzyQuotes),
    ),
  }),
  listSaved: v.strictObject({ type: v.literal('listSaved') }),
  updateSaved: v.strictObject({ type: v.literal('updateSaved'), claim: SavedClaimSchema }),
  deleteSaved: v.strictObject({
    type: v.literal('deleteSaved'),
    ids: v.pipe(v.array(id), v.maxLength(SAVED_LIMITS.ids)),
  }),
  restoreSaved: v.strictObject({
    type: v.literal('restoreSaved'),
    claims: v.pipe(v.array(SavedClaimSchema), v.maxLength(SAVED_LIMITS.restore)),
  }),
  importSaved: v.strictObject({ type: v.literal('importSaved'), json: v.unknown() }),
  exportBackup: v.strictObject({ type: v.literal('exportBackup') }),
  setStatement: v.strictObject({
    type: v.literal('setStatement'),
    ids: v.pipe(v.array(id), v.maxLength(SAVED_LIMITS.ids)),
    on: v.boolean(),
    reviewer: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200)),
  }),
  /** The first claims of the library, newest first, and how many there are: the list paints before the rest arrives. */
  listSavedPage: v.strictObject({
    type: v.literal('listSavedPage'),
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SAVED_LIMITS.page)),
  }),
  /** Adds a tag to, or removes it from, every claim given: all or nothing. */
  tagSaved: v.strictObject({
    type: v.literal('tagSaved'),
    ids: v.pipe(v.array(id), v.minLength(1), v.maxLength(SAVED_LIMITS.ids)),
    tag: v.pipe(
      v.string(),
      v.trim(),
      v.minLength(1),
      v.maxLength(LIMITS.tag),
      // The annotation form lists tags separated by commas.
      v.check((t) => !t.includes(','), 'a tag cannot contain a comma'),
    ),
    op: v.picklist(['add', 'remove']),
  }),
  /** The statement picker: claims of the installed packs (seed, subscribed, My annotations) by text, speaker, incident. */
  searchStatements: v.strictObject({
    type: v.literal('searchStatements'),
    query: v.pipe(v.string(), v.maxLength(SAVED_LIMITS.statementQuery)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(SAVED_LIMITS.statements)),
  }),
  /** The statements a saved claim links (`packId/claimId`), for its chips; unknown keys are left out. */
  statementsByKey: v.strictObject({
    type: v.literal('statementsByKey'),
    keys: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(300))), v.maxLength(LIMITS.links)),
  }),
  /** From the card: open the library's annotation form on a claim saved on the sender's own page. */
  openAnnotator: v.strictObject({ type: v.literal('openAnnotator'), id }),
  /** From the popup as it opens: paint the saved claims of the tab's page, injecting the content script if none runs. */
  showSavedInTab: v.strictObject({
    type: v.literal('showSavedInTab'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
} as const;

export type SavedMessageType = keyof typeof SavedMessageSchemas;
export type SavedMessage<K extends SavedMessageType> = v.InferOutput<(typeof SavedMessageSchemas)[K]>;

/** Content script → background. */
export const CONTENT_SAVED_MESSAGES: readonly SavedMessageType[] = [
  'saveClaim',
  'savedForPage',
  'anchorStatus',
  'anchorFuzzy',
  'openAnnotator',
];

export interface SavedResponses {
  saveClaim: { ok: true; id: string } | { ok: false; error: string };
  savedForPage: { claims: SavedClaim[] };
  anchorStatus: { changed: number };
  anchorFuzzy: { anchors: ({ id: string; start: number; end: number } | null)[] };
  listSaved: { claims: SavedClaim[] };
  updateSaved: { claim: SavedClaim | null };
  deleteSaved: { removed: SavedClaim[] };
  restoreSaved: { restored: number };
  importSaved:
    | {
        ok: true;
        kind: string;
        added: number;
        duplicates: number;
        packs: number;
        settings: Record<string, unknown> | null;
      }
    | { ok: false; error: string };
  exportBackup: { savedClaims: SavedClaim[]; packs: unknown[] };
  setStatement: { ok: true; statements: number } | { ok: false; error: string };
  listSavedPage: { claims: SavedClaim[]; total: number };
  /** `before`: the claims as they were, for undo (restoreSaved). */
  tagSaved: { ok: true; changed: number; before: SavedClaim[] } | { ok: false; error: string };
  searchStatements: { statements: StatementHit[] };
  statementsByKey: { statements: StatementHit[] };
  openAnnotator: { ok: true } | { ok: false; error: string };
  /** False when the tab's address is unreadable or its page has no saved claim. */
  showSavedInTab: { shown: boolean };
}

/** A validated copy of a saved-claim message of type `type`, or the reason it is refused. */
export function validateSavedMessage<K extends SavedMessageType>(type: K, x: unknown): Validation<SavedMessage<K>> {
  const copy = validateJsonValue(x, 'message');
  if (!copy.ok) return copy;
  const parsed = v.safeParse(SavedMessageSchemas[type], copy.value);
  if (parsed.success) return { ok: true, value: parsed.output as SavedMessage<K> };
  const issue = parsed.issues[0];
  const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.');
  return { ok: false, reason: `${path === '' ? '(message)' : path}: ${issue.message}` };
}

/**
 * Background → content script: hand over the current selection, or re-read
 * the page's saved claims. The content script checks them with the small
 * `validateSavedToContent` (to-content-saved.ts), tested to agree with this schema.
 */
export const SavedToContentSchema = v.variant('type', [
  v.strictObject({ type: v.literal('collectSelection') }),
  v.strictObject({ type: v.literal('savedChanged') }),
]);
export type SavedToContent = v.InferOutput<typeof SavedToContentSchema>;
export type CollectSelectionResponse = { ok: true; claim: SaveInputMessage } | { ok: false };
