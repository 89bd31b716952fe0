import { LIMITS } from '@src/messaging/limits';

/** A piece of a slice of page text, as one scan message carries it: `start` within the slice. */
export interface ScanPiece {
  start: number;
  text: string;
}

/**
 * A slice of the page's text as scan messages carry it: whole (slices are
 * ~50,000 characters), or — a single text node longer than a message may
 * hold — in pieces of at most `max` characters, each cut after a line break,
 * else after a sentence's full stop, else after a space, where there is one. Segmentation and the prefilter run in the background:
 * nothing here reads the text's words.
 */
export function scanPieces(text: string, max: number = LIMITS.maxScanTextChars): ScanPiece[] {
  if (text.length <= max) return [{ start: 0, text }];
  const out: ScanPiece[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(text.length, start + max);
    if (end < text.length) {
      // After a line break, else a sentence's end, else a space, in the piece's second half.
      const least = start + max / 2;
      for (const mark of ['\n', '. ', ' ']) {
        const at = text.lastIndexOf(mark, end - mark.length);
        if (at > least) {
          end = at + mark.length;
          break;
        }
      }
    }
    out.push({ start, text: text.slice(start, end) });
    start = end;
  }
  return out;
}
