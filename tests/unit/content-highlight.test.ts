import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pointAt, rangeFor } from '../../src/content/anchor';
import type { PageText } from '../../src/content/extract';
import {
  FOCUS_HIGHLIGHT,
  GUARD_MS,
  HIGHLIGHT_NAMES,
  highlightApiPainter,
  highlightCss,
} from '../../src/content/highlight';

function page(html: string): { doc: Document; page: PageText } {
  const { document } = parseHTML(`<html><body>${html}</body></html>`);
  const doc = document as unknown as Document;
  // Build the text map the way the extractor does: one chunk per text node, a break between blocks.
  const chunks: PageText['chunks'] = [];
  let text = '';
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if (text !== '') text += '\n\n';
    for (const n of Array.from(p.childNodes)) {
      const t = (n.nodeType === 3 ? n : n.firstChild) as Text;
      chunks.push({ node: t, start: text.length });
      text += t.data;
    }
  }
  return { doc, page: { text, chunks } };
}

describe('anchoring text offsets to DOM points', () => {
  const { page: p } = page('<p>Beijing <b>denied</b> it.</p><p>Chinese hackers struck.</p>');

  it('maps offsets inside text nodes, across inline elements', () => {
    const at = p.text.indexOf('denied');
    const point = pointAt(p, at, 'start');
    expect(point?.node.data).toBe('denied');
    expect(point?.offset).toBe(0);
    const end = pointAt(p, at + 'denied'.length, 'end');
    expect(end?.node.data).toBe('denied');
    expect(end?.offset).toBe(6);
  });

  it('snaps offsets that fall on a block break forward (start) or backward (end)', () => {
    const gap = p.text.indexOf('\n\n') + 1;
    expect(pointAt(p, gap, 'start')?.node.data).toBe('Chinese hackers struck.');
    expect(pointAt(p, gap, 'end')?.node.data).toBe(' it.');
  });

  it('gives null for an empty or vanished span', () => {
    const { doc, page: q } = page('<p>Text here.</p>');
    expect(rangeFor(doc, q, 3, 3)).toBeNull();
    q.chunks[0]?.node.remove();
    expect(rangeFor(doc, q, 0, 4)).toBeNull();
  });
});

describe('the Custom Highlight API painter', () => {
  it('registers one highlight per stance, and removes them all on clear, without touching the DOM', () => {
    const registry = new Map<string, unknown>();
    class FakeHighlight {
      readonly ranges: unknown[];
      constructor(...ranges: unknown[]) {
        this.ranges = ranges;
      }
    }
    const { doc } = page('<p>x</p>');
    const before = doc.body.innerHTML;
    const painter = highlightApiPainter(doc, registry, FakeHighlight as never);
    const r1 = {} as Range;
    const r2 = {} as Range;
    const r3 = {} as Range;
    painter.paint([
      { range: r1, stance: 'accusation' },
      { range: r2, stance: 'accusation' },
      { range: r3, stance: 'denial' },
    ]);
    expect((registry.get(HIGHLIGHT_NAMES.accusation) as FakeHighlight).ranges).toEqual([r1, r2]);
    expect((registry.get(HIGHLIGHT_NAMES.denial) as FakeHighlight).ranges).toEqual([r3]);
    expect(registry.has(HIGHLIGHT_NAMES.counter_accusation)).toBe(false);
    // A later scan (inserted text) adds to what is painted.
    const r4 = {} as Range;
    painter.paint([{ range: r4, stance: 'accusation' }]);
    expect((registry.get(HIGHLIGHT_NAMES.accusation) as FakeHighlight).ranges).toEqual([r1, r2, r4]);
    painter.flash(r3);
    expect((registry.get(FOCUS_HIGHLIGHT) as FakeHighlight).ranges).toEqual([r3]);
    painter.flash(null);
    expect(registry.has(FOCUS_HIGHLIGHT)).toBe(false);
    painter.flash(r1);
    painter.clear();
    expect(registry.size).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('styles every stance differently, not by colour alone', () => {
    const css = highlightCss();
    expect(css).toContain('::highlight(counterpoint-accusation)');
    expect(css).toMatch(/counterpoint-denial\)[^}]*underline dashed/);
    expect(css).toMatch(/counterpoint-counter-accusation\)[^}]*underline wavy/);
  });

  describe('against a page that tampers with the shared registry', () => {
    /** Like the browser's Highlight: a set of ranges the page can change too. */
    class SetHighlight extends Set<Range> {
      constructor(...ranges: Range[]) {
        super(ranges);
      }
    }
    afterEach(() => {
      vi.useRealTimers();
    });

    function painted() {
      vi.useFakeTimers();
      const registry = new Map<string, unknown>();
      const { doc } = page('<p>x</p>');
      const painter = highlightApiPainter(doc, registry, SetHighlight as never);
      const ours = [{} as Range, {} as Range];
      painter.paint(ours.map((range) => ({ range, stance: 'accusation' as const })));
      const names = () => [...((registry.get(HIGHLIGHT_NAMES.accusation) as Set<Range> | undefined) ?? [])];
      return { registry, painter, ours, names };
    }

    it('registers again, with its own ranges, a highlight the page deleted or replaced', () => {
      const { registry, ours, names } = painted();
      registry.delete(HIGHLIGHT_NAMES.accusation);
      expect(names()).toEqual([]);
      vi.advanceTimersByTime(GUARD_MS);
      expect(names()).toEqual(ours);
      // A forged mark under our name (our style sheet would paint it as an accusation).
      const fake = {} as Range;
      registry.set(HIGHLIGHT_NAMES.accusation, new SetHighlight(fake));
      vi.advanceTimersByTime(GUARD_MS);
      expect(names()).toEqual(ours);
    });

    it('drops ranges the page added to its highlight, and brings back ones it removed', () => {
      const { registry, ours, names } = painted();
      const fake = {} as Range;
      (registry.get(HIGHLIGHT_NAMES.accusation) as Set<Range>).add(fake);
      vi.advanceTimersByTime(GUARD_MS);
      expect(names()).toEqual(ours);
      // Same size, other ranges.
      const mine = registry.get(HIGHLIGHT_NAMES.accusation) as Set<Range>;
      mine.delete(ours[0] as Range);
      mine.add(fake);
      vi.advanceTimersByTime(GUARD_MS);
      expect(names()).toEqual(ours);
    });

    it('stops looking once cleared: nothing comes back', () => {
      const { registry, painter } = painted();
      painter.clear();
      vi.advanceTimersByTime(GUARD_MS * 3);
      expect(registry.size).toBe(0);
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
