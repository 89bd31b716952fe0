import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { allegationAt, caretAt, pointInRects, rangeRect } from '../../src/content/hit';

/** A text node stand-in: ranges and carets only compare it by identity. */
const text = { nodeType: 3, data: 'Beijing denied it. Chinese hackers struck.' } as unknown as Node;
const otherDocNode = { nodeType: 3 } as unknown as Node;

interface R {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

function rect(left: number, top: number, width: number, height: number): R {
  return { left, top, width, height, right: left + width, bottom: top + height };
}

/** A Range over `text` from `start` to `end`, with the given client rects (none without layout). */
function fakeRange(start: number, end: number, rects: R[] = [], bounding?: R): Range {
  return {
    startContainer: text,
    startOffset: start,
    endContainer: text,
    endOffset: end,
    comparePoint(node: Node, offset: number): number {
      if (node !== text) throw new Error('WrongDocumentError');
      return offset < start ? -1 : offset > end ? 1 : 0;
    },
    getClientRects: () => rects,
    getBoundingClientRect: () => bounding ?? rect(0, 0, 0, 0),
  } as unknown as Range;
}

/** A document whose caretPositionFromPoint always answers `offset` in `node`. */
function caretDoc(offset: number, node: Node = text): Document {
  return { caretPositionFromPoint: () => ({ offsetNode: node, offset }) } as unknown as Document;
}

describe('allegationAt', () => {
  // "Beijing denied it." is 0–18, "Chinese hackers struck." is 19–42; one line each.
  const first = () => fakeRange(0, 18, [rect(10, 100, 120, 18)]);
  const second = () => fakeRange(19, 42, [rect(10, 130, 150, 18)]);

  it('picks the range the caret falls in when the point is inside its rects', () => {
    expect(allegationAt(caretDoc(25), [first(), second()], 50, 140)).toBe(1);
    expect(allegationAt(caretDoc(3), [first(), second()], 20, 105)).toBe(0);
  });

  it('does not count a caret inside a range when the point is outside all its rects (blank space beside a line)', () => {
    expect(allegationAt(caretDoc(25), [first(), second()], 400, 140)).toBe(-1);
  });

  it('counts a caret on the end edge only when the point is inside a rect', () => {
    const ranges = [first(), fakeRange(18, 42, [rect(130, 100, 100, 18)])];
    // Caret at 18: the end of range 0 and the start of range 1; the rects decide.
    expect(allegationAt(caretDoc(18), ranges, 140, 105)).toBe(1);
    expect(allegationAt(caretDoc(18), ranges, 125, 105)).toBe(0);
    expect(allegationAt(caretDoc(18), ranges, 500, 105)).toBe(-1);
  });

  it('without layout (no rects) trusts the caret, but not on a range end edge', () => {
    const ranges = [fakeRange(0, 18), fakeRange(19, 42)];
    expect(allegationAt(caretDoc(5), ranges, 0, 0)).toBe(0);
    expect(allegationAt(caretDoc(19), ranges, 0, 0)).toBe(1);
    expect(allegationAt(caretDoc(18), ranges, 0, 0)).toBe(-1);
    expect(allegationAt(caretDoc(42), ranges, 0, 0)).toBe(-1);
  });

  it('uses caretRangeFromPoint when caretPositionFromPoint is missing', () => {
    const doc = {
      caretRangeFromPoint: () => ({ startContainer: text, startOffset: 30 }),
    } as unknown as Document;
    expect(allegationAt(doc, [fakeRange(0, 18), fakeRange(19, 42)], 0, 0)).toBe(1);
  });

  it('falls back to rects when there is no caret API, or it throws, or it gives nothing', () => {
    const ranges = [first(), second()];
    expect(allegationAt({} as unknown as Document, ranges, 50, 140)).toBe(1);
    const throwing = {
      caretPositionFromPoint: () => {
        throw new Error('boom');
      },
    } as unknown as Document;
    expect(allegationAt(throwing, ranges, 20, 105)).toBe(0);
    const none = { caretPositionFromPoint: () => null } as unknown as Document;
    expect(allegationAt(none, ranges, 50, 140)).toBe(1);
    expect(allegationAt(none, ranges, 50, 300)).toBe(-1);
  });

  it('survives comparePoint throwing for a node of another document, and falls back to rects', () => {
    const ranges = [first(), second()];
    expect(allegationAt(caretDoc(3, otherDocNode), ranges, 50, 140)).toBe(1);
    expect(allegationAt(caretDoc(3, otherDocNode), ranges, 500, 500)).toBe(-1);
  });

  it('finds nothing among no ranges', () => {
    expect(allegationAt(caretDoc(3), [], 10, 10)).toBe(-1);
  });

  it('runs against a real (layout-less) DOM without throwing', () => {
    const { document } = parseHTML('<html><body><p>Beijing denied it.</p></body></html>');
    const doc = document as unknown as Document;
    const range = doc.createRange();
    range.selectNodeContents(doc.querySelector('p') as Element);
    expect(caretAt(doc, 5, 5)).toBeNull();
    expect(allegationAt(doc, [range], 5, 5)).toBe(-1);
    expect(rangeRect(range)).toBeNull();
  });
});

describe('pointInRects', () => {
  it('includes the edges', () => {
    const r = [rect(10, 10, 10, 10)];
    expect(pointInRects(r, 10, 10)).toBe(true);
    expect(pointInRects(r, 20, 20)).toBe(true);
    expect(pointInRects(r, 20.5, 15)).toBe(false);
    expect(pointInRects([], 0, 0)).toBe(false);
  });
});

describe('rangeRect', () => {
  it('gives the first non-empty client rect (the first line)', () => {
    const lines = [rect(5, 5, 0, 0), rect(10, 100, 120, 18), rect(10, 118, 60, 18)];
    expect(rangeRect(fakeRange(0, 5, lines))).toEqual(lines[1]);
  });

  it('falls back to the bounding rect, and to null when that is empty too', () => {
    const b = rect(1, 2, 3, 4);
    expect(rangeRect(fakeRange(0, 5, [], b))).toEqual(b);
    expect(rangeRect(fakeRange(0, 5, [rect(0, 0, 0, 0)]))).toBeNull();
  });
});
