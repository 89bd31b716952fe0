/**
 * Painting allegations on the page. With the CSS Custom Highlight API
 * (`CSS.highlights`) nothing of the page changes: one highlight per stance,
 * styled from a constructed style sheet. Where the API is missing, a fallback
 * wraps the text in <mark> elements and unwraps them on clear. Both paint
 * styles that do not rely on colour alone (underline styles differ per stance).
 */
import type { Stance } from '@core/types';

export const HIGHLIGHT_NAMES: Record<Stance, string> = {
  accusation: 'counterpoint-accusation',
  denial: 'counterpoint-denial',
  counter_accusation: 'counterpoint-counter-accusation',
};

const STYLES: Record<Stance, string> = {
  accusation: 'background-color: rgba(255, 196, 0, 0.28); text-decoration: underline solid rgba(204, 102, 0, 0.9) 2px;',
  denial: 'background-color: rgba(0, 150, 255, 0.22); text-decoration: underline dashed rgba(0, 90, 200, 0.9) 2px;',
  counter_accusation:
    'background-color: rgba(200, 80, 255, 0.22); text-decoration: underline wavy rgba(140, 40, 200, 0.9) 1px;',
};

export interface Painted {
  range: Range;
  stance: Stance;
}

export interface Painter {
  readonly kind: 'highlight-api' | 'dom-wrap';
  /** Adds these to what is already painted (scans of inserted text add to the first). */
  paint(items: readonly Painted[]): void;
  /** Briefly emphasises one range (the allegation the reader jumped to); null stops it. */
  flash(range: Range | null): void;
  clear(): void;
}

/** Emphasis of the allegation the reader jumped to: an outline-like thick underline, above the stance styles. */
export const FOCUS_HIGHLIGHT = 'counterpoint-focus';
const FOCUS_STYLE =
  'background-color: rgba(255, 120, 0, 0.45); color: inherit; text-decoration: underline solid currentColor 3px;';

/** What the painter needs of `CSS.highlights` (a Map of names to Highlight objects). */
export interface HighlightRegistry {
  get(name: string): unknown;
  set(name: string, highlight: unknown): unknown;
  delete(name: string): unknown;
}

/**
 * `CSS.highlights` and `Highlight` as the content script found them when it
 * started. In the isolated world the page cannot replace them (it has its own
 * `CSS` and `Highlight`); read once anyway, so nothing assigned later is used.
 */
const NATIVE_REGISTRY = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS?.highlights;
const NATIVE_HIGHLIGHT = (globalThis as { Highlight?: HighlightCtor }).Highlight;

/**
 * How often the painter checks that what it registered is still there. The
 * registry itself is shared with the page, which can delete our highlights,
 * replace them under our names, or add its ranges to them: whatever differs
 * from what was painted is registered again, with our ranges only.
 */
export const GUARD_MS = 1000;

type HighlightCtor = new (...ranges: Range[]) => unknown;

/** Highlight names and their CSS, per kind of thing painted (stances; saved and annotated claims). */
export type PaintStyles<K extends string> = Record<K, { name: string; css: string }>;

/** A painter of ranges by kind: `paint` adds, `clear` removes everything it painted. */
export interface StyledPainter<K extends string> {
  readonly kind: 'highlight-api' | 'dom-wrap';
  paint(items: readonly { range: Range; style: K }[]): void;
  flash(range: Range | null): void;
  clear(): void;
}

const STANCE_STYLES: PaintStyles<Stance> = {
  accusation: { name: HIGHLIGHT_NAMES.accusation, css: STYLES.accusation },
  denial: { name: HIGHLIGHT_NAMES.denial, css: STYLES.denial },
  counter_accusation: { name: HIGHLIGHT_NAMES.counter_accusation, css: STYLES.counter_accusation },
};

function cssOf<K extends string>(styles: PaintStyles<K>, focus: boolean): string {
  return [
    ...(Object.values(styles) as { name: string; css: string }[]).map((s) => `::highlight(${s.name}) { ${s.css} }`),
    ...(focus ? [`::highlight(${FOCUS_HIGHLIGHT}) { ${FOCUS_STYLE} }`] : []),
  ].join('\n');
}

export function highlightCss(): string {
  return cssOf(STANCE_STYLES, true);
}

/** Custom Highlight API painter: no DOM mutation. */
export function styledHighlightPainter<K extends string>(
  doc: Document,
  registry: HighlightRegistry,
  Highlight: HighlightCtor,
  styles: PaintStyles<K>,
  focus: boolean,
): StyledPainter<K> {
  let sheet: CSSStyleSheet | null = null;
  const keys = Object.keys(styles) as K[];
  const ranges = new Map<K, Range[]>(keys.map((k) => [k, []]));
  /** The Highlight objects registered, per style: what the guard compares the registry with. */
  const registered = new Map<K, unknown>();
  let guard: ReturnType<typeof setInterval> | undefined;

  function register(k: K): void {
    const list = ranges.get(k) ?? [];
    if (list.length > 0) {
      const highlight = new Highlight(...list);
      registered.set(k, highlight);
      registry.set(styles[k].name, highlight);
    } else {
      registered.delete(k);
      registry.delete(styles[k].name);
    }
  }

  /** Registers again each highlight the page removed, replaced or changed. */
  function restore(): void {
    for (const [k, highlight] of registered) {
      const own = ranges.get(k) ?? [];
      const h = highlight as { size?: unknown; has?: (r: Range) => boolean };
      const changed =
        registry.get(styles[k].name) !== highlight ||
        (typeof h.size === 'number' && h.size !== own.length) ||
        (typeof h.has === 'function' && !own.every((r) => h.has?.(r)));
      if (changed) register(k);
    }
  }

  return {
    kind: 'highlight-api',
    paint(items) {
      if (sheet === null && typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in doc) {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(cssOf(styles, focus));
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      }
      for (const item of items) ranges.get(item.style)?.push(item.range);
      for (const k of keys) register(k);
      if (guard === undefined && registered.size > 0) guard = setInterval(restore, GUARD_MS);
    },
    flash(range) {
      if (!focus) return;
      if (range === null) {
        registry.delete(FOCUS_HIGHLIGHT);
        return;
      }
      const emphasis = new Highlight(range) as { priority?: number };
      // Above the stance highlights where they overlap.
      emphasis.priority = 1;
      registry.set(FOCUS_HIGHLIGHT, emphasis);
    },
    clear() {
      clearInterval(guard);
      guard = undefined;
      registered.clear();
      for (const k of keys) registry.delete(styles[k].name);
      if (focus) registry.delete(FOCUS_HIGHLIGHT);
      for (const list of ranges.values()) list.length = 0;
      if (sheet !== null) {
        const s = sheet;
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((x) => x !== s);
        sheet = null;
      }
    },
  };
}

/** Fallback painter: wraps each text node part of a range in a <mark>, restores the text on clear. */
export function styledWrapPainter<K extends string>(doc: Document, styles: PaintStyles<K>): StyledPainter<K> {
  const marks: HTMLElement[] = [];
  function wrapText(node: Text, from: number, to: number, style: K): void {
    if (to <= from) return;
    let target = node;
    if (from > 0) target = target.splitText(from);
    if (to - from < target.length) target.splitText(to - from);
    const mark = doc.createElement('mark');
    mark.setAttribute(MARK_ATTR, style);
    mark.setAttribute('style', `all: unset; ${styles[style].css}`);
    target.parentNode?.insertBefore(mark, target);
    mark.appendChild(target);
    marks.push(mark);
  }
  return {
    kind: 'dom-wrap',
    paint(items) {
      for (const { range, style } of items) {
        const texts: Array<[Text, number, number]> = [];
        const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
        const first = range.startContainer;
        if (first.nodeType === Node.TEXT_NODE && first === range.endContainer) {
          texts.push([first as Text, range.startOffset, range.endOffset]);
        } else {
          for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
            const t = n as Text;
            if (!range.intersectsNode(t)) continue;
            const from = t === range.startContainer ? range.startOffset : 0;
            const to = t === range.endContainer ? range.endOffset : t.length;
            texts.push([t, from, to]);
          }
        }
        for (const [t, from, to] of texts) wrapText(t, from, to, style);
      }
    },
    flash() {
      // Wrapping again to emphasise would split the page's text nodes further; scrolling to it is enough.
    },
    clear() {
      for (const mark of marks.splice(0)) {
        const parent = mark.parentNode;
        if (parent === null) continue;
        while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
        parent.removeChild(mark);
        parent.normalize();
      }
    },
  };
}

const MARK_ATTR = 'data-counterpoint-mark';

/** The allegations' painter over a styled one: items carry their stance. */
function byStance(painter: StyledPainter<Stance>): Painter {
  return {
    kind: painter.kind,
    paint: (items) => painter.paint(items.map((i) => ({ range: i.range, style: i.stance }))),
    flash: (range) => painter.flash(range),
    clear: () => painter.clear(),
  };
}

export function highlightApiPainter(doc: Document, registry: HighlightRegistry, Highlight: HighlightCtor): Painter {
  return byStance(styledHighlightPainter(doc, registry, Highlight, STANCE_STYLES, true));
}

export function domWrapPainter(doc: Document): Painter {
  return byStance(styledWrapPainter(doc, STANCE_STYLES));
}

/** The best painter this browser offers, for any set of styles. */
export function createStyledPainter<K extends string>(
  doc: Document,
  styles: PaintStyles<K>,
  focus = false,
): StyledPainter<K> {
  if (NATIVE_REGISTRY !== undefined && NATIVE_HIGHLIGHT !== undefined)
    return styledHighlightPainter(doc, NATIVE_REGISTRY, NATIVE_HIGHLIGHT, styles, focus);
  return styledWrapPainter(doc, styles);
}

/** The allegations' painter: the best this browser offers. */
export function createPainter(doc: Document): Painter {
  return byStance(createStyledPainter(doc, STANCE_STYLES, true));
}
