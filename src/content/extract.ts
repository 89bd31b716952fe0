/**
 * Readable text of a page, with positions: every character of `text` that
 * comes from the page maps back to a Text node and an offset in it, so a later
 * highlighter can turn allegation offsets into DOM ranges.
 *
 * The one reading of HTML: the content script walks the live page with it and
 * `scan FILE.html` walks a linkedom document with it (src/cli/html.ts), so both
 * see the same text. It therefore uses only what both DOMs have, and computed
 * styles only when the window offers them.
 */

/** A run of `text` copied from one Text node (offsets in `text`). */
export interface TextChunk {
  node: Text;
  /** Offset of the node's first character in `text`. */
  start: number;
}

export interface PageText {
  text: string;
  /** In document order, non-overlapping, sorted by `start`. */
  chunks: TextChunk[];
}

export interface ExtractOptions {
  /** Stop collecting after this many characters (pathological pages). */
  maxChars?: number;
  /** Below this many characters of main/article text, fall back to the whole body. */
  minMainChars?: number;
  /**
   * Receives every node this (full) read takes: later `extractAddedText` calls
   * given the same set skip them, so scans of a dynamic page never send the same
   * text twice, whatever order mutations and scans interleave in.
   */
  seen?: WeakSet<Node>;
}

// Never readable article text, whole subtree: code, navigation, asides,
// embedded media and their fallback text, form controls and their captions.
// <form> itself is read: some sites wrap the whole page in one.
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'SVG',
  'MATH',
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'BUTTON',
  'LABEL',
  'DATALIST',
  'ASIDE',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

// Elements that separate sentences when rendered; a paragraph break in the text keeps them apart.
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
  'CAPTION',
]);

const BLOCK_BREAK = '\n\n';
/** HTML's collapsible white space (ASCII only). */
const COLLAPSIBLE = /^[ \t\n\r\f]*$/;
// Node's constants, without the global `Node` (absent outside a window: unit tests, workers).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const FOLLOWING = 4;

// Landmark roles of page chrome, skipped like the elements that carry them implicitly.
const SKIPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);

// A <header>/<footer> inside one of these belongs to it (an article's headline, a section's
// byline); elsewhere it is the page's banner or footer (HTML-AAM).
const SECTIONING = new Set(['ARTICLE', 'ASIDE', 'MAIN', 'NAV', 'SECTION']);
const SECTIONING_ROLES = new Set(['article', 'complementary', 'main', 'navigation', 'region']);

const HIDING_STYLE =
  /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!important\s*)?(?:;|$)/i;

function roleOf(el: Element): string {
  return el.getAttribute('role')?.trim().toLowerCase() ?? '';
}

function isPageLandmark(el: Element): boolean {
  for (let up = el.parentElement; up; up = up.parentElement) {
    if (SECTIONING.has(up.tagName.toUpperCase()) || SECTIONING_ROLES.has(roleOf(up))) return false;
  }
  return true;
}

function isHidden(el: Element, tag: string): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  // Hidden by the browser's own stylesheet, which linkedom does not have; an open dialog is read.
  if (tag === 'DIALOG' && !el.hasAttribute('open')) return true;
  const view = el.ownerDocument.defaultView;
  if (view && typeof view.getComputedStyle === 'function') {
    const style = view.getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  }
  // No style engine (linkedom in the CLI): the inline style is all there is to go on.
  const inline = el.getAttribute('style');
  return inline !== null && HIDING_STYLE.test(inline);
}

function isEditable(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value !== 'false';
}

function shouldSkip(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED.has(tag) || SKIPPED_ROLES.has(roleOf(el))) return true;
  if ((tag === 'HEADER' || tag === 'FOOTER') && isPageLandmark(el)) return true;
  return isEditable(el) || isHidden(el, tag);
}

/** main/article regions, outermost only, in document order; none inside skipped chrome (a teaser in an aside). */
export function contentRoots(doc: Document): Element[] {
  const found = Array.from(doc.querySelectorAll('main, [role="main"], article')).filter((el) => !insideSkipped(el));
  return found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
}

/**
 * Appends text in parts (joined once at the end) and remembers the last two
 * characters: testing the end of a growing string would flatten it again and
 * again, quadratic on a long page. Separators wait for the next text, so the
 * result never starts or ends with one.
 */
class TextBuilder {
  private readonly parts: string[] = [];
  length = 0;
  /** The last two characters written ('' when fewer). */
  private tail = '';
  /** The separator owed before the next text: a block break outranks a space. */
  private pending = '';
  chunks: TextChunk[] = [];
  constructor(
    private readonly maxChars: number,
    readonly seen: WeakSet<Node> = new WeakSet(),
  ) {}

  get full(): boolean {
    return this.length >= this.maxChars;
  }

  get text(): string {
    return this.parts.join('');
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    this.tail = (this.tail + s).slice(-2);
  }

  separate(sep: string): void {
    // Only between content.
    if (this.length === 0) return;
    if (sep === BLOCK_BREAK || this.pending === '') this.pending = sep;
  }

  private flush(): void {
    const sep = this.pending;
    this.pending = '';
    // Never doubled.
    if (sep === '' || this.tail.endsWith(sep)) return;
    if (sep === ' ' && /\s$/.test(this.tail)) return;
    if (sep === BLOCK_BREAK && this.tail.endsWith('\n')) {
      this.push('\n');
      return;
    }
    this.push(sep);
  }

  /** Every node marked read by this builder, in walk order. */
  readonly read: Node[] = [];

  /** False when `node` was read already (by this walk or an earlier scan). */
  mark(node: Node): boolean {
    if (this.seen.has(node)) return false;
    this.seen.add(node);
    this.read.push(node);
    return true;
  }

  add(node: Text, preformatted: boolean): void {
    if (!this.mark(node)) return;
    const data = node.data;
    if (data.length === 0) return;
    if (!preformatted && COLLAPSIBLE.test(data)) {
      // Space between inline elements: keep words apart without mapping it. A no-break
      // space is text, not collapsible space (linkedom gives `&nbsp;` a node of its own).
      this.separate(' ');
      return;
    }
    this.flush();
    this.chunks.push({ node, start: this.length });
    // Source line breaks are spaces once rendered; replacing them char for char
    // keeps offsets exact and stops the segmenter from reading them as breaks.
    this.push(preformatted ? data : data.replace(/[\t\n\r\f]/g, ' '));
  }
}

function walk(root: Element, out: TextBuilder, preformatted: boolean): void {
  for (let child = root.firstChild; child && !out.full; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE) {
      out.add(child as Text, preformatted);
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      // Read whole by an earlier scan (its new descendants arrive as added nodes of their own).
      if (out.seen.has(el) || shouldSkip(el)) continue;
      out.mark(el);
      const block = BLOCKS.has(el.tagName.toUpperCase());
      if (block) out.separate(BLOCK_BREAK);
      walk(el, out, preformatted || el.tagName.toUpperCase() === 'PRE');
      if (block) out.separate(BLOCK_BREAK);
    }
  }
}

/**
 * Text of the main/article regions if they hold enough, otherwise of the body;
 * blocks are separated by a blank line. Skips scripts and styles, navigation,
 * asides and the page's own header and footer, embedded media, closed dialogs,
 * form controls and their labels, editable regions (what the reader types is
 * not what the page alleges) and hidden elements.
 */
export function extractPageText(doc: Document, options: ExtractOptions = {}): PageText {
  const maxChars = options.maxChars ?? 1_000_000;
  const minMainChars = options.minMainChars ?? 200;
  const roots = contentRoots(doc);
  if (roots.length > 0) {
    const main = collect(roots, maxChars);
    if (main.page.text.trim().length >= minMainChars) return claim(main, options.seen);
  }
  const body = doc.body ?? doc.documentElement;
  return claim(collect(body ? [body] : [], maxChars), options.seen);
}

interface Collected {
  page: PageText;
  /** Every node the walk read (text and elements). */
  read: Node[];
}

/** Walks with a private set: a main region too short to use must not mark its text as read. */
function collect(roots: Element[], maxChars: number): Collected {
  const out = new TextBuilder(maxChars);
  for (const root of roots) {
    out.separate(BLOCK_BREAK);
    walk(root, out, false);
  }
  return { page: { text: out.text, chunks: out.chunks }, read: out.read };
}

function claim(collected: Collected, seen: WeakSet<Node> | undefined): PageText {
  if (seen !== undefined) for (const n of collected.read) seen.add(n);
  return collected.page;
}

/** True when `node` or an ancestor is skipped (script, navigation, aside, hidden, form field, editable…). */
export function insideSkipped(node: Node): boolean {
  for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (shouldSkip(el)) return true;
  }
  return false;
}

/**
 * Text of nodes added to the page after a scan, in document order, with the
 * same offsets map as `extractPageText`. Text already read (by an earlier scan
 * in `seen`, or through another node of the list that contains it) and text
 * inside skipped elements is left out; where the page has main/article
 * regions, only what lies in them counts (comment widgets and ads that load
 * late stay out, as they did on the first scan).
 */
export function extractAddedText(
  doc: Document,
  nodes: readonly Node[],
  maxChars = 1_000_000,
  seen: WeakSet<Node> = new WeakSet(),
): PageText {
  const regions = contentRoots(doc);
  const picked: Node[] = [];
  for (const node of nodes) {
    if (!node.isConnected) continue;
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== TEXT_NODE) continue;
    if (regions.length > 0 && !regions.some((r) => r.contains(node))) {
      // A wrapper that brings a whole article with it: take the regions inside it.
      if (node.nodeType === ELEMENT_NODE) picked.push(...regions.filter((r) => node.contains(r)));
      continue;
    }
    picked.push(node);
  }
  const unique = [...new Set(picked)];
  unique.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
  // In document order an ancestor comes before its descendants: walking it marks them read.
  const out = new TextBuilder(maxChars, seen);
  for (const node of unique) {
    if (out.full || seen.has(node) || insideSkipped(node)) continue;
    out.separate(BLOCK_BREAK);
    if (node.nodeType === TEXT_NODE) out.add(node as Text, false);
    else {
      out.mark(node);
      walk(node as Element, out, false);
    }
  }
  return { text: out.text, chunks: out.chunks };
}
