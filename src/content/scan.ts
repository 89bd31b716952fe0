import { candidateSegments } from '@core/prefilter';
import { LIMITS, type ScanSentence } from '@src/messaging/protocol';

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
