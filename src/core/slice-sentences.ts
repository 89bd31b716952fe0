import { candidateSegments } from './prefilter';
import type { Segment } from './types';

/**
 * The sentences of a slice of page text worth the NLP: the prefilter's
 * candidates (segmentation and the prefilter over the whole slice), each no
 * longer than `maxChars`, with offsets moved by `offset` into the page's
 * running text. The background runs this on the text the content script
 * hands over, off the page's main thread.
 */
export function sliceSentences(text: string, offset: number, maxChars: number): Segment[] {
  const out: Segment[] = [];
  for (const s of candidateSegments(text)) {
    if (s.end <= s.start || s.end - s.start > maxChars) continue;
    out.push({ start: s.start + offset, end: s.end + offset, text: text.slice(s.start, s.end) });
  }
  return out;
}
