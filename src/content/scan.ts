import { candidateSegments, prefilterWarmUp } from '@core/prefilter';
import { LIMITS, type ScanSentence } from '@src/messaging/protocol';

/** The prefilter's regular expressions compiled one per step (see `prefilterWarmUp`): one task each before the first scan. */
export const warmUpSteps = prefilterWarmUp;

/** Sentences per scan message: the background refuses more; a text with more is sent in several. */
export const SENTENCES_PER_MESSAGE = LIMITS.maxSentences;

/**
 * The sentences worth the NLP: the prefilter's candidates, all of them (the
 * caller sends them SENTENCES_PER_MESSAGE at a time), except those longer than
 * the background accepts. Only these leave the page, never the page's
 * address or its full text.
 */
export function selectSentences(text: string): ScanSentence[] {
  const out: ScanSentence[] = [];
  for (const s of candidateSegments(text)) {
    if (s.end - s.start > LIMITS.maxSentenceChars || s.end <= s.start) continue;
    out.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
  }
  return out;
}
