import { candidateSegments } from '@core/prefilter';
import { LIMITS, type ScanResponse, type ScanSentence } from '@src/messaging/protocol';
import { extractPageText, type PageText } from './extract';

/** Sends the candidate sentences to the background; resolves with its answer. */
export type ScanTransport = (sentences: ScanSentence[]) => Promise<ScanResponse>;

export interface ScanOutcome {
  page: PageText;
  sentences: ScanSentence[];
  response: ScanResponse;
}

/**
 * The sentences worth the NLP: the prefilter's candidates, within the limits
 * the background enforces. Only these leave the page, never the page's
 * address or its full text.
 */
export function selectSentences(text: string): ScanSentence[] {
  const out: ScanSentence[] = [];
  for (const s of candidateSegments(text)) {
    if (s.end - s.start > LIMITS.maxSentenceChars || s.end <= s.start) continue;
    out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    if (out.length === LIMITS.maxSentences) break;
  }
  return out;
}

export async function scanDocument(doc: Document, send: ScanTransport): Promise<ScanOutcome> {
  const page = extractPageText(doc);
  const sentences = selectSentences(page.text);
  // Sent even when empty, so the tab's previous report and badge are replaced.
  const response = await send(sentences);
  return { page, sentences, response };
}

/** Marks the page once scanned; tests and future page-side UI read it. */
export function markScanned(doc: Document, count: number): void {
  doc.documentElement.dataset.counterpointAllegations = String(count);
}
