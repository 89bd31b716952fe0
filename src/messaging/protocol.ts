/**
 * The messages between the content script, the extension pages and the
 * background, each declared once as a valibot schema: its TypeScript type is
 * inferred from it and its validator is `parseMessage(schema, …)` (see
 * boundary.ts: the envelope checked, a plain-JSON copy, then the schema).
 * Saved claims (saved-protocol.ts) and the incident timeline
 * (timeline-protocol.ts) follow the same pattern. Responses are built by the
 * background itself and only typed here.
 */

import type { MispClusterType } from '@core/actors/misp-cluster';
import type { CounterStatementView } from '@core/match/view';
import type { ClaimPack } from '@core/pack/schema';
import type { Allegation } from '@core/types';
import * as v from 'valibot';
import { exactly, nonNegativeInteger, parseMessage, typeIs, type Validation } from './boundary';
import { LIMITS } from './limits';
import type {
  IncidentTimelineRequest,
  IncidentTimelineResponse,
  OpenTimelineRequest,
  OpenTimelineResponse,
} from './timeline-protocol';

/** A stored statement that answers an allegation, as the pages show it. */
export type { CounterStatementView } from '@core/match/view';
export { JSON_LIMITS, messageType, type Validation, validateJsonValue } from './boundary';
export { LIMITS } from './limits';
export { validateToContentMessage } from './to-content';

const offset = nonNegativeInteger();

/**
 * A slice of the page's readable text, as the content script read it: the
 * background finds its candidate sentences (segmentation and the prefilter
 * run there, off the page's main thread) and reads those with the NLP.
 * `offset` places the slice in the page's running text: offsets of all scans
 * of one page count in one running text, so they never collide, and an
 * append the background has already answered (a retry after its worker
 * stopped) is answered again from the report rather than read twice.
 * `replace` starts the tab's report afresh (a page load, an SPA navigation);
 * `append` adds what a later slice, or a scan of inserted text, found.
 * (No `url`: reports are keyed by tab, not by address. The text stays in the
 * browser: the background keeps only the allegations' sentences.)
 */
export const ScanRequestSchema = exactly({
  type: typeIs('scan'),
  mode: v.picklist(['replace', 'append'], 'must be "replace" or "append"'),
  offset,
  text: v.pipe(
    v.string('must be a string'),
    v.maxLength(LIMITS.maxScanTextChars, `is longer than ${LIMITS.maxScanTextChars} chars`),
  ),
});
export type ScanRequest = v.InferOutput<typeof ScanRequestSchema>;
export type ScanMode = ScanRequest['mode'];

/** The counter-statements of one allegation of the sender's own tab (index in its report). */
export const GetCounterStatementsRequestSchema = exactly({
  type: typeIs('getCounterStatements'),
  index: v.pipe(offset, v.maxValue(LIMITS.maxReportAllegations, 'must be an index of the report')),
});
export type GetCounterStatementsRequest = v.InferOutput<typeof GetCounterStatementsRequestSchema>;

/** Asks the background to open the tab's full report (the popup view) in a new tab. */
export const OpenReportRequestSchema = exactly({ type: typeIs('openReport') });
export type OpenReportRequest = v.InferOutput<typeof OpenReportRequestSchema>;

/**
 * Asks the background to inject the content script's UI (card, Save button, saved claims: see
 * src/content/ui.ts) into the sender's page, the first time the page needs it. It injects only the
 * extension's own file, into the frame that asked: nothing the page controls.
 */
export const LoadContentUiRequestSchema = exactly({ type: typeIs('loadContentUi') });
export type LoadContentUiRequest = v.InferOutput<typeof LoadContentUiRequestSchema>;

export const GetTabReportRequestSchema = exactly({ type: typeIs('getTabReport'), tabId: nonNegativeInteger() });
export type GetTabReportRequest = v.InferOutput<typeof GetTabReportRequestSchema>;

export const ListPacksRequestSchema = exactly({ type: typeIs('listPacks') });
export type ListPacksRequest = v.InferOutput<typeof ListPacksRequestSchema>;

export const ExportAllRequestSchema = exactly({ type: typeIs('exportAll') });
export type ExportAllRequest = v.InferOutput<typeof ExportAllRequestSchema>;

const packId = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(LIMITS.maxIdChars, `is longer than ${LIMITS.maxIdChars} chars`),
);

export const ExportPackRequestSchema = exactly({ type: typeIs('exportPack'), id: packId });
export type ExportPackRequest = v.InferOutput<typeof ExportPackRequestSchema>;

export const RemovePackRequestSchema = exactly({ type: typeIs('removePack'), id: packId });
export type RemovePackRequest = v.InferOutput<typeof RemovePackRequestSchema>;

/**
 * The pack, validated as a claim pack by the background: either `file`, a
 * `blob:` URL of the file that an extension page made (what the options page
 * sends: the worker reads the file itself, ~0.2 s for 43 MB where a message
 * carrying it takes ~2 s), or `json`, the parsed value (already a plain-JSON
 * copy here). One of the two.
 */
export const ImportPackRequestSchema = v.pipe(
  exactly({
    type: typeIs('importPack'),
    json: v.optional(v.unknown()),
    file: v.optional(
      v.pipe(
        v.string('must be a string'),
        v.startsWith('blob:', 'must be a blob: URL'),
        v.maxLength(512, 'is longer than 512 chars'),
      ),
    ),
  }),
  v.check((m) => (m.json === undefined) !== (m.file === undefined), 'must hold either json or file'),
);
export type ImportPackRequest = v.InferOutput<typeof ImportPackRequestSchema>;

/** `json`: a parsed MISP galaxy cluster (threat-actor, ransomware or tool, by its `type`). */
export const ImportMispGalaxyRequestSchema = exactly({ type: typeIs('importMispGalaxy'), json: v.unknown() });
export type ImportMispGalaxyRequest = v.InferOutput<typeof ImportMispGalaxyRequestSchema>;

/**
 * Extension (popup, background) → the tab's content script. `index` is the
 * allegation's position in the tab's report (the order the content script
 * painted); `step` is the keyboard command: the next (1) or previous (-1)
 * allegation, its card opened. The content script checks them with the small
 * hand-written `validateToContentMessage` (to-content.ts), tested to agree
 * with these schemas.
 */
export const ToContentSchemas = {
  reveal: exactly({ type: typeIs('reveal'), index: nonNegativeInteger() }),
  step: exactly({ type: typeIs('step'), direction: v.picklist([1, -1], 'must be 1 or -1') }),
} as const;
export type RevealRequest = v.InferOutput<typeof ToContentSchemas.reveal>;
export type StepRequest = v.InferOutput<typeof ToContentSchemas.step>;
export const ToContentMessageSchema = v.variant('type', [ToContentSchemas.reveal, ToContentSchemas.step]);
export type ToContentMessage = v.InferOutput<typeof ToContentMessageSchema>;

export interface ToContentResponse {
  /** False when the page has no such allegation (or none at all). */
  ok: boolean;
}

/**
 * Background → extension pages (the popup): the report of `tabId` changed.
 * Sent after every change, stored or not, so that a report that could not be
 * stored still shows (storage.onChanged only tells of stored ones).
 */
export const ReportChangedSchema = exactly({ type: typeIs('reportChanged'), tabId: nonNegativeInteger() });
export type ReportChanged = v.InferOutput<typeof ReportChangedSchema>;

export type ScanAllegation = Allegation & { counterStatements: CounterStatementView[] };

export interface ScanResponse {
  allegations: ScanAllegation[];
  /**
   * On the answer to a page's first scan (`replace`): whether the reader saved
   * claims on this page. False spares the page asking for them (a round trip
   * on every page load); absent, the page asks.
   */
  saved?: boolean;
}

export interface TabReport {
  tabId: number;
  /** Changes with every fresh scan of the tab (a load, an SPA navigation): late answers for an older page are dropped. */
  page?: string;
  /**
   * True while counter-statements are still being looked up: the background
   * answers a scan as soon as the allegations are known, and fills in their
   * counter-statements (here and through `getCounterStatements`) right after.
   */
  matching?: boolean;
  allegations: ScanAllegation[];
  /** How many candidate sentences the page's text held (the prefilter's, in the background). */
  sentenceCount: number;
  /**
   * Sentences of the page the background did not read: past its budget per
   * page or per tab (`LIMITS.maxPageScanChars`, `maxTabScanCharsPerMinute`),
   * or sent once the report was full; plus one per slice of text past the
   * tab's segmentation budget (`maxTabScanTextPerMinute`).
   */
  unread?: number;
  /**
   * Set while the background runs, when its storage (which outlives a
   * restart of the background) holds only the first `allegations` of this
   * report (the rest is over the per-tab budget), or none (`failed`: the
   * browser refused the write).
   */
  stored?: { allegations: number; failed?: true };
  /**
   * Set on a report read back after a restart of the background that is not
   * whole: only some of its `total` allegations had been stored (or none,
   * `failed`), or their counter-statements were still being looked up
   * (`interrupted`). A new scan of the page makes it whole again.
   */
  restored?: { total: number; interrupted: boolean; failed?: true };
  /** Epoch milliseconds. */
  scannedAt: number;
  /**
   * Where the page's text read so far ends, in the page's running offsets: an
   * append that starts before it was answered already (asked again after the
   * background stopped before its answer arrived) and is not read twice.
   */
  readTo?: number;
}

export interface GetTabReportResponse {
  report: TabReport | null;
}

/** An installed pack as the library page lists it (without its actor entries). */
export interface PackSummary {
  id: string;
  version: number;
  title: string;
  description?: string;
  license: string;
  publishedAt: string;
  homepage?: string;
  /** ISO timestamp of the last import. */
  installedAt: string;
  /** Where it came from, so that it can be updated from there. */
  source: { kind: 'builtin' | 'url' | 'file'; url?: string };
  counts: { actors: number; incidents: number; claims: number; relations: number };
  /** The bundled seed pack: updated with the extension, cannot be removed. */
  builtin: boolean;
}

export interface ListPacksResponse {
  packs: PackSummary[];
}

/** A refused import: `error` names the first bad field by path (`claims[12].date: expected ISO date`). */
export interface ImportFailure {
  ok: false;
  error: string;
  issues: string[];
}

export type ImportPackResponse =
  | { ok: true; pack: { id: string; version: number; claims: number }; previousVersion: number | null }
  | ImportFailure;

export interface ExportPackResponse {
  /** Null when no pack of that id is installed. */
  pack: ClaimPack | null;
}

/** Every installed pack, as imported (the library's backup of packs). */
export interface ExportAllResponse {
  format: 'counterpoint-export';
  /** ISO timestamp. */
  exportedAt: string;
  packs: ClaimPack[];
}

export type RemovePackResponse = { ok: true; removed: boolean } | { ok: false; error: string };

/** The groups read from a MISP galaxy, and the actor rows added, updated (merged) and removed. */
export interface MispImportResult {
  groups: number;
  added: number;
  updated: number;
  removed: number;
}

/** `cluster`: which MISP galaxy cluster was read (its `type`); `groups` then counts its groups, or the malware families it adds. */
export type ImportMispGalaxyResponse = ({ ok: true; cluster?: MispClusterType } & MispImportResult) | ImportFailure;

export interface OpenReportResponse {
  ok: boolean;
}

export interface LoadContentUiResponse {
  ok: boolean;
}

export interface GetCounterStatementsResponse {
  /** Null when the tab's report has no such allegation. */
  counterStatements: CounterStatementView[] | null;
}

/** Content script → background. */
export interface ContentToBackground {
  scan: { request: ScanRequest; response: ScanResponse };
  getCounterStatements: { request: GetCounterStatementsRequest; response: GetCounterStatementsResponse };
  openReport: { request: OpenReportRequest; response: OpenReportResponse };
  loadContentUi: { request: LoadContentUiRequest; response: LoadContentUiResponse };
  openTimeline: { request: OpenTimelineRequest; response: OpenTimelineResponse };
}

export interface ExtensionToContent {
  reveal: { request: RevealRequest; response: ToContentResponse };
  step: { request: StepRequest; response: ToContentResponse };
}

/** Extension page (popup, options) → background. */
export interface PageToBackground {
  getTabReport: { request: GetTabReportRequest; response: GetTabReportResponse };
  listPacks: { request: ListPacksRequest; response: ListPacksResponse };
  importPack: { request: ImportPackRequest; response: ImportPackResponse };
  exportPack: { request: ExportPackRequest; response: ExportPackResponse };
  exportAll: { request: ExportAllRequest; response: ExportAllResponse };
  removePack: { request: RemovePackRequest; response: RemovePackResponse };
  importMispGalaxy: { request: ImportMispGalaxyRequest; response: ImportMispGalaxyResponse };
  incidentTimeline: { request: IncidentTimelineRequest; response: IncidentTimelineResponse };
}

export type ContentMessage = ContentToBackground[keyof ContentToBackground]['request'];
export type PageMessage = PageToBackground[keyof PageToBackground]['request'];

/** A scan's JSON: its text (each character escaped at most as \\uXXXX) and a few fields. */
const MAX_SCAN_JSON_CHARS = LIMITS.maxScanTextChars * 6 + 256;

/** Validates a `scan` message from a content script. Returns a fresh copy built only from checked fields. */
export function validateScanRequest(x: unknown): Validation<ScanRequest> {
  return parseMessage(ScanRequestSchema, x, { maxChars: MAX_SCAN_JSON_CHARS });
}

const SMALL_MESSAGE_CHARS = 4_096;

export function validateGetCounterStatementsRequest(x: unknown): Validation<GetCounterStatementsRequest> {
  return parseMessage(GetCounterStatementsRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

export function validateOpenReportRequest(x: unknown): Validation<OpenReportRequest> {
  return parseMessage(OpenReportRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

export function validateLoadContentUiRequest(x: unknown): Validation<LoadContentUiRequest> {
  return parseMessage(LoadContentUiRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

/** Validates a `getTabReport` message; the sender check happens in the background. */
export function validateGetTabReportRequest(x: unknown): Validation<GetTabReportRequest> {
  return parseMessage(GetTabReportRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

export function validateListPacksRequest(x: unknown): Validation<ListPacksRequest> {
  return parseMessage(ListPacksRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

export function validateExportAllRequest(x: unknown): Validation<ExportAllRequest> {
  return parseMessage(ExportAllRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

export function validateExportPackRequest(x: unknown): Validation<ExportPackRequest> {
  return parseMessage(ExportPackRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

export function validateRemovePackRequest(x: unknown): Validation<RemovePackRequest> {
  return parseMessage(RemovePackRequestSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}

export function validateImportPackRequest(x: unknown): Validation<ImportPackRequest> {
  return parseMessage(ImportPackRequestSchema, x);
}

export function validateImportMispGalaxyRequest(x: unknown): Validation<ImportMispGalaxyRequest> {
  return parseMessage(ImportMispGalaxyRequestSchema, x);
}

/** The `reportChanged` broadcast, as the popup checks it. */
export function validateReportChanged(x: unknown): Validation<ReportChanged> {
  return parseMessage(ReportChangedSchema, x, { maxChars: SMALL_MESSAGE_CHARS });
}
