/**
 * The one message protocol of the extension: a map per direction, each entry
 * naming its request and response. Content scripts are untrusted (they live in
 * hostile pages), so everything they send goes through `validateScanRequest`.
 *
 * Local-first: no message carries a page URL. The background keys reports by
 * tab id only.
 */
import type { Allegation } from '@core/types';

/** A sentence of the page's readable text, with offsets into that text. */
export interface ScanSentence {
  start: number;
  end: number;
  text: string;
}

export interface ScanRequest {
  type: 'scan';
  /** Never sent: reports are keyed by tab, not by address. */
  url?: never;
  sentences: ScanSentence[];
}

export interface ScanResponse {
  allegations: Allegation[];
}

export interface TabReport {
  tabId: number;
  allegations: Allegation[];
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

/** Content script → background. */
export interface ContentToBackground {
  scan: { request: ScanRequest; response: ScanResponse };
}

/** Extension page (popup, options) → background. */
export interface PageToBackground {
  getTabReport: { request: GetTabReportRequest; response: GetTabReportResponse };
}

export type ContentMessage = ContentToBackground[keyof ContentToBackground]['request'];
export type PageMessage = PageToBackground[keyof PageToBackground]['request'];

export const LIMITS = {
  maxSentences: 500,
  maxSentenceChars: 2_000,
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

const SCAN_KEYS = ['type', 'sentences'] as const;
const SENTENCE_KEYS = ['start', 'end', 'text'] as const;

/**
 * Validates a `scan` message from a content script. Returns a fresh copy built
 * only from checked fields, never the caller's object.
 */
export function validateScanRequest(x: unknown): Validation<ScanRequest> {
  if (!isPlainRecord(x)) return fail('message is not a plain object');
  if (!hasExactKeys(x, SCAN_KEYS)) return fail('message must have exactly the keys type, sentences');
  const data = Object.getOwnPropertyDescriptor(x, 'sentences');
  const type = Object.getOwnPropertyDescriptor(x, 'type');
  // Accessors could run code or change between reads.
  if (!data || !type || !('value' in data) || !('value' in type)) return fail('keys must be data properties');
  if (type.value !== 'scan') return fail('type must be "scan"');
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
  return { ok: true, value: { type: 'scan', sentences } };
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
