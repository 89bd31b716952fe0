import type { ClaimPack } from '@core/pack/schema';
import type { Allegation } from '@core/types';
import type { PackRow } from '@src/background/db/database';
import type { CounterpointExport, MispImportResult } from '@src/background/db/packs';
import type {
  IncidentTimelineRequest,
  IncidentTimelineResponse,
  OpenTimelineRequest,
  OpenTimelineResponse,
} from './timeline-protocol';

/** A sentence of the page's readable text, with offsets into that text. */
export interface ScanSentence {
  start: number;
  end: number;
  text: string;
}

/**
 * `replace` starts the tab's report afresh (a page load, an SPA navigation);
 * `append` adds what a later scan of inserted text found. Offsets of all
 * scans of one page count in one running text, so they never collide.
 */
export type ScanMode = 'replace' | 'append';

export interface ScanRequest {
  type: 'scan';
  /** Never sent: reports are keyed by tab, not by address. */
  url?: never;
  mode: ScanMode;
  sentences: ScanSentence[];
}

/** A stored statement that answers an allegation, as the pages show it. */
export type { CounterStatementView } from '@core/match/view';

import type { CounterStatementView } from '@core/match/view';

export type ScanAllegation = Allegation & { counterStatements: CounterStatementView[] };

export interface ScanResponse {
  allegations: ScanAllegation[];
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
  /** How many sentences the content script sent (after its cheap prefilter). */
  sentenceCount: number;
  /** Epoch milliseconds. */
  scannedAt: number;
}

export interface GetTabReportRequest {
  type: 'getTabReport';
  tabId: number;
}

export interface GetTabReportResponse {
  report: TabReport | null;
}

/** An installed pack as the library page lists it (without its actor entries). */
export interface PackSummary extends Omit<PackRow, 'actors'> {
  /** The bundled seed pack: updated with the extension, cannot be removed. */
  builtin: boolean;
}

export interface ListPacksRequest {
  type: 'listPacks';
}

export interface ListPacksResponse {
  packs: PackSummary[];
}

export interface ImportPackRequest {
  type: 'importPack';
  /** The parsed pack file; validated as a claim pack by the background. */
  json: unknown;
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

export interface ExportPackRequest {
  type: 'exportPack';
  id: string;
}

export interface ExportPackResponse {
  /** Null when no pack of that id is installed. */
  pack: ClaimPack | null;
}

export interface ExportAllRequest {
  type: 'exportAll';
}

export type ExportAllResponse = CounterpointExport;

export interface RemovePackRequest {
  type: 'removePack';
  id: string;
}

export type RemovePackResponse = { ok: true; removed: boolean } | { ok: false; error: string };

export interface ImportMispGalaxyRequest {
  type: 'importMispGalaxy';
  /** The parsed clusters/threat-actor.json. */
  json: unknown;
}

export type ImportMispGalaxyResponse = ({ ok: true } & MispImportResult) | ImportFailure;

/** Asks the background to open the tab's full report (the popup view) in a new tab. */
export interface OpenReportRequest {
  type: 'openReport';
}

export interface OpenReportResponse {
  ok: boolean;
}

/** The counter-statements of one allegation of the sender's own tab (index in its report). */
export interface GetCounterStatementsRequest {
  type: 'getCounterStatements';
  index: number;
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
  openTimeline: { request: OpenTimelineRequest; response: OpenTimelineResponse };
}

/**
 * Extension (popup, background) → the tab's content script. `index` is the
 * allegation's position in the tab's report (the order the content script painted).
 */
export interface RevealRequest {
  type: 'reveal';
  index: number;
}

/** Keyboard command: move to the next (1) or previous (-1) allegation and open its card. */
export interface StepRequest {
  type: 'step';
  direction: 1 | -1;
}

export interface ToContentResponse {
  /** False when the page has no such allegation (or none at all). */
  ok: boolean;
}

export interface ExtensionToContent {
  reveal: { request: RevealRequest; response: ToContentResponse };
  step: { request: StepRequest; response: ToContentResponse };
}

export type ToContentMessage = ExtensionToContent[keyof ExtensionToContent]['request'];

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

export const LIMITS = {
  maxSentences: 500,
  /** Allegations one tab's report holds, appends included (a page that keeps adding text stops growing it). */
  maxReportAllegations: 1_000,
  maxSentenceChars: 2_000,
  /** Pack and galaxy files, as JSON text (estimated from the value; the MISP galaxy is ~3 MB). */
  maxJsonChars: 50 * 1024 * 1024,
  /** Packs nest 4 levels, the galaxy 5: anything much deeper is not one of them. */
  maxJsonDepth: 32,
  maxIdChars: 128,
} as const;

export type Validation<T> = { ok: true; value: T } | { ok: false; reason: string };

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}

/** Plain object whose own keys are exactly `keys` (so `__proto__`, `constructor`, extras are refused). */
function isPlainRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

function hasExactKeys(x: Record<string, unknown>, keys: readonly string[]): boolean {
  // Reflect.ownKeys also sees symbol and non-enumerable keys.
  const own = Reflect.ownKeys(x);
  return own.length === keys.length && own.every((k) => typeof k === 'string' && keys.includes(k));
}

function isOffset(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
}

const SCAN_KEYS = ['type', 'mode', 'sentences'] as const;
const SENTENCE_KEYS = ['start', 'end', 'text'] as const;

/**
 * Validates a `scan` message from a content script. Returns a fresh copy built
 * only from checked fields, never the caller's object.
 */
export function validateScanRequest(x: unknown): Validation<ScanRequest> {
  if (!isPlainRecord(x)) return fail('message is not a plain object');
  if (!hasExactKeys(x, SCAN_KEYS)) return fail('message must have exactly the keys type, mode, sentences');
  const data = Object.getOwnPropertyDescriptor(x, 'sentences');
  const type = Object.getOwnPropertyDescriptor(x, 'type');
  const modeField = Object.getOwnPropertyDescriptor(x, 'mode');
  // Accessors could run code or change between reads.
  if (!data || !type || !modeField || !('value' in data) || !('value' in type) || !('value' in modeField)) {
    return fail('keys must be data properties');
  }
  if (type.value !== 'scan') return fail('type must be "scan"');
  const mode: unknown = modeField.value;
  if (mode !== 'replace' && mode !== 'append') return fail('mode must be "replace" or "append"');
  const list: unknown = data.value;
  if (!Array.isArray(list)) return fail('sentences must be an array');
  if (list.length > LIMITS.maxSentences) {
    return fail(`too many sentences (${list.length} > ${LIMITS.maxSentences})`);
  }
  const sentences: ScanSentence[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = Object.getOwnPropertyDescriptor(list, i);
    if (!item || !('value' in item)) return fail(`sentences[${i}] is missing`);
    const checked = validateSentence(item.value);
    if (!checked.ok) return fail(`sentences[${i}]: ${checked.reason}`);
    sentences.push(checked.value);
  }
  return { ok: true, value: { type: 'scan', mode, sentences } };
}

function validateSentence(x: unknown): Validation<ScanSentence> {
  if (!isPlainRecord(x)) return fail('not a plain object');
  if (!hasExactKeys(x, SENTENCE_KEYS)) return fail('must have exactly the keys start, end, text');
  const start = Object.getOwnPropertyDescriptor(x, 'start');
  const end = Object.getOwnPropertyDescriptor(x, 'end');
  const text = Object.getOwnPropertyDescriptor(x, 'text');
  if (!start || !end || !text || !('value' in start) || !('value' in end) || !('value' in text)) {
    return fail('keys must be data properties');
  }
  const s: unknown = start.value;
  const e: unknown = end.value;
  const t: unknown = text.value;
  if (!isOffset(s)) return fail('start must be a non-negative integer');
  if (!isOffset(e)) return fail('end must be a non-negative integer');
  if (s >= e) return fail('start must be less than end');
  if (typeof t !== 'string') return fail('text must be a string');
  if (t.length > LIMITS.maxSentenceChars) return fail(`text longer than ${LIMITS.maxSentenceChars} chars`);
  if (t.length !== e - s) return fail('text length must equal end - start');
  return { ok: true, value: { start: s, end: e, text: t } };
}

const REPORT_KEYS = ['type', 'tabId'] as const;

/** Validates a `getTabReport` message; the sender check happens in the background. */
export function validateGetTabReportRequest(x: unknown): Validation<GetTabReportRequest> {
  if (!isPlainRecord(x)) return fail('message is not a plain object');
  if (!hasExactKeys(x, REPORT_KEYS)) return fail('message must have exactly the keys type, tabId');
  const type = Object.getOwnPropertyDescriptor(x, 'type');
  const tabId = Object.getOwnPropertyDescriptor(x, 'tabId');
  if (!type || !tabId || !('value' in type) || !('value' in tabId)) return fail('keys must be data properties');
  if (type.value !== 'getTabReport') return fail('type must be "getTabReport"');
  if (!isOffset(tabId.value)) return fail('tabId must be a non-negative integer');
  return { ok: true, value: { type: 'getTabReport', tabId: tabId.value } };
}

/** The `type` of a message if it is a plain object with a string `type`, else null. */
export function messageType(x: unknown): string | null {
  if (!isPlainRecord(x)) return null;
  const type = Object.getOwnPropertyDescriptor(x, 'type');
  return type && 'value' in type && typeof type.value === 'string' ? type.value : null;
}

/**
 * The values of exactly `keys` of a message of type `type`, read as data
 * properties (accessors could run code or change between reads).
 */
function readMessage<K extends string>(x: unknown, type: string, keys: readonly K[]): Validation<Record<K, unknown>> {
  if (!isPlainRecord(x)) return fail('message is not a plain object');
  const all = ['type', ...keys];
  if (!hasExactKeys(x, all)) return fail(`message must have exactly the keys ${all.join(', ')}`);
  const typeField = Object.getOwnPropertyDescriptor(x, 'type');
  if (!typeField || !('value' in typeField)) return fail('keys must be data properties');
  if (typeField.value !== type) return fail(`type must be "${type}"`);
  const out = Object.create(null) as Record<K, unknown>;
  for (const key of keys) {
    const field = Object.getOwnPropertyDescriptor(x, key);
    if (!field || !('value' in field)) return fail('keys must be data properties');
    out[key] = field.value;
  }
  return { ok: true, value: out };
}

function validateId(x: unknown): Validation<string> {
  if (typeof x !== 'string') return fail('id must be a string');
  if (x.length === 0) return fail('id must not be empty');
  if (x.length > LIMITS.maxIdChars) return fail(`id longer than ${LIMITS.maxIdChars} chars`);
  return { ok: true, value: x };
}

/** Keys that would reach an object's prototype if a consumer ever copied them with plain assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__']);

class JsonRefusal extends Error {}

/**
 * A fresh copy of a JSON value made only of plain objects, arrays, strings,
 * finite numbers, booleans and null, refused when its JSON text would exceed
 * `LIMITS.maxJsonChars`, when it nests deeper than `LIMITS.maxJsonDepth`, or
 * when it has a `__proto__` key.
 */
export function validateJsonValue(x: unknown, name = 'json'): Validation<unknown> {
  let budget = LIMITS.maxJsonChars;
  const spend = (n: number, path: string) => {
    budget -= n;
    if (budget < 0) throw new JsonRefusal(`${path}: larger than ${LIMITS.maxJsonChars} chars of JSON`);
  };
  const copy = (value: unknown, path: string, depth: number): unknown => {
    if (value === null) {
      spend(4, path);
      return null;
    }
    switch (typeof value) {
      case 'string':
        spend(value.length + 2, path);
        return value;
      case 'boolean':
        spend(5, path);
        return value;
      case 'number':
        if (!Number.isFinite(value)) throw new JsonRefusal(`${path}: not a finite number`);
        spend(String(value).length, path);
        return value;
      case 'object':
        break;
      default:
        throw new JsonRefusal(`${path}: a ${typeof value} is not JSON`);
    }
    if (depth >= LIMITS.maxJsonDepth) throw new JsonRefusal(`${path}: nested deeper than ${LIMITS.maxJsonDepth}`);
    if (Array.isArray(value)) {
      if (Object.getPrototypeOf(value) !== Array.prototype) throw new JsonRefusal(`${path}: not a plain array`);
      spend(2 + value.length, path);
      const out: unknown[] = [];
      for (let i = 0; i < value.length; i++) {
        const item = Object.getOwnPropertyDescriptor(value, i);
        if (!item || !('value' in item)) throw new JsonRefusal(`${path}[${i}]: missing or not a data property`);
        out.push(copy(item.value, `${path}[${i}]`, depth + 1));
      }
      return out;
    }
    if (!isPlainRecord(value)) throw new JsonRefusal(`${path}: not a plain object`);
    const keys = Reflect.ownKeys(value);
    spend(2 + keys.length, path);
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      if (typeof key !== 'string') throw new JsonRefusal(`${path}: symbol keys are not JSON`);
      const at = `${path}.${key.length > 40 ? `${key.slice(0, 40)}…` : key}`;
      if (FORBIDDEN_KEYS.has(key)) throw new JsonRefusal(`${at}: forbidden key`);
      const field = Object.getOwnPropertyDescriptor(value, key);
      if (!field || !('value' in field)) throw new JsonRefusal(`${at}: not a data property`);
      spend(key.length + 3, at);
      out[key] = copy(field.value, at, depth + 1);
    }
    return out;
  };
  try {
    return { ok: true, value: copy(x, name, 0) };
  } catch (error) {
    if (error instanceof JsonRefusal) return fail(error.message);
    // A cycle deeper than the limit is caught above; anything else (a revoked proxy) is refused too.
    return fail(`${name}: unreadable (${error instanceof Error ? error.name : 'error'})`);
  }
}

export function validateListPacksRequest(x: unknown): Validation<ListPacksRequest> {
  const read = readMessage(x, 'listPacks', []);
  return read.ok ? { ok: true, value: { type: 'listPacks' } } : read;
}

export function validateExportAllRequest(x: unknown): Validation<ExportAllRequest> {
  const read = readMessage(x, 'exportAll', []);
  return read.ok ? { ok: true, value: { type: 'exportAll' } } : read;
}

function validateIdRequest<T extends 'exportPack' | 'removePack'>(
  x: unknown,
  type: T,
): Validation<{ type: T; id: string }> {
  const read = readMessage(x, type, ['id']);
  if (!read.ok) return read;
  const id = validateId(read.value.id);
  return id.ok ? { ok: true, value: { type, id: id.value } } : id;
}

export function validateExportPackRequest(x: unknown): Validation<ExportPackRequest> {
  return validateIdRequest(x, 'exportPack');
}

export function validateRemovePackRequest(x: unknown): Validation<RemovePackRequest> {
  return validateIdRequest(x, 'removePack');
}

function validateJsonRequest<T extends 'importPack' | 'importMispGalaxy'>(
  x: unknown,
  type: T,
): Validation<{ type: T; json: unknown }> {
  const read = readMessage(x, type, ['json']);
  if (!read.ok) return read;
  const json = validateJsonValue(read.value.json);
  return json.ok ? { ok: true, value: { type, json: json.value } } : json;
}

export function validateImportPackRequest(x: unknown): Validation<ImportPackRequest> {
  return validateJsonRequest(x, 'importPack');
}

export function validateImportMispGalaxyRequest(x: unknown): Validation<ImportMispGalaxyRequest> {
  return validateJsonRequest(x, 'importMispGalaxy');
}

export function validateGetCounterStatementsRequest(x: unknown): Validation<GetCounterStatementsRequest> {
  const read = readMessage(x, 'getCounterStatements', ['index']);
  if (!read.ok) return read;
  const index = read.value.index;
  if (!isOffset(index) || index >= LIMITS.maxSentences * 1_000) return fail('index must be a non-negative integer');
  return { ok: true, value: { type: 'getCounterStatements', index } };
}

export function validateOpenReportRequest(x: unknown): Validation<OpenReportRequest> {
  const read = readMessage(x, 'openReport', []);
  return read.ok ? { ok: true, value: { type: 'openReport' } } : read;
}

/** Validates a message the content script receives (it trusts only its own extension, and checks anyway). */
export function validateToContentMessage(x: unknown): Validation<ToContentMessage> {
  switch (messageType(x)) {
    case 'reveal': {
      const read = readMessage(x, 'reveal', ['index']);
      if (!read.ok) return read;
      const index = read.value.index;
      if (!isOffset(index)) return fail('index must be a non-negative integer');
      return { ok: true, value: { type: 'reveal', index } };
    }
    case 'step': {
      const read = readMessage(x, 'step', ['direction']);
      if (!read.ok) return read;
      const direction = read.value.direction;
      if (direction !== 1 && direction !== -1) return fail('direction must be 1 or -1');
      return { ok: true, value: { type: 'step', direction } };
    }
    default:
      return fail('unknown message type');
  }
}
