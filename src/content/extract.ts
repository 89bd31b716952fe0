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

/**
 * main/article regions, outermost only, in document order; none inside skipped chrome (a teaser in an aside).
 * Linear in the regions found: a page that appends thousands of <article>s must not cost their square.
 */
export function contentRoots(doc: Document): Element[] {
  const found = Array.from(doc.querySelectorAll('main, [role="main"], article'));
  if (found.length === 0) return [];
  const skipped = new SkipMemo();
  const all = new Set(found);
  return found.filter((el) => {
    for (let up = el.parentElement; up; up = up.parentElement) if (all.has(up)) return false;
    return !skipped.inside(el);
  });
}

/**
 * Whether elements are skipped, themselves or through an ancestor, remembered
 * for one extraction: nodes that share ancestors are not tested twice, so the
 * test over N added nodes costs the distinct ancestors, not N × depth.
 */
class SkipMemo {
  private readonly known = new Map<Element, boolean>();

  /** True when `node` or an ancestor is skipped. */
  inside(node: Node): boolean {
    const path: Element[] = [];
    let result = false;
    for (let el = node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement; el; el = el.parentElement) {
      const known = this.known.get(el);
      if (known !== undefined) {
        result = known;
        break;
      }
      if (shouldSkip(el)) {
        result = true;
        path.push(el);
        break;
      }
      path.push(el);
    }
    // Below a skipped element everything is skipped; below a readable one, only what was tested.
    for (const el of path) this.known.set(el, result);
    return result;
  }
}

/**
 * Appends text in parts (joined once at the end) and remembers the last two
 * characters: testing the end of a growing string would flatten it again and
 * again, quadratic on a long page. Separators wait for the next text, so the
 * result never starts or ends with one.
 */
class TextBuilder {
  private parts: string[] = [];
  length = 0;
  /** Characters taken over all slices (the `maxChars` bound is on these). */
  total = 0;
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
    return this.total >= this.maxChars;
  }

  /** At a block boundary: a good place to end a slice (no sentence runs across it). */
  get atBlockBreak(): boolean {
    return this.pending === BLOCK_BREAK;
  }

  /** The text and chunks since the last take; the next slice starts afresh at offset 0. */
  take(): PageText {
    const page = { text: this.parts.join(''), chunks: this.chunks };
    this.parts = [];
    this.chunks = [];
    this.length = 0;
    this.tail = '';
    this.pending = '';
    return page;
  }

  private push(s: string): void {
    this.parts.push(s);
    this.length += s.length;
    this.total += s.length;
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

  /** Every node marked read by this builder, in walk order (only when asked to keep them). */
  read: Node[] | null = null;

  /** False when `node` was read already (by this walk or an earlier scan). */
  mark(node: Node): boolean {
    if (this.seen.has(node)) return false;
    this.seen.add(node);
    this.read?.push(node);
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

/** One open element of the walk: its next child to read. */
interface Frame {
  next: ChildNode | null;
  preformatted: boolean;
  /** A block element: a paragraph break follows its last child. */
  block: boolean;
}

/**
 * Reads the text under a list of roots in slices, in document order, with an
 * explicit stack (never recursion: a page may nest 200,000 levels deep). Each
 * slice is a text of its own (offsets from 0) that ends at a block boundary
 * once it holds `sliceChars` characters, or anywhere at twice that: the caller
 * scans one slice, gives the page its thread back, then asks for the next.
 */
export class TextReader {
  private readonly out: TextBuilder;
  private readonly stack: Frame[] = [];
  private root = 0;

  constructor(
    private readonly roots: readonly Node[],
    options: { seen?: WeakSet<Node>; maxChars?: number; keepRead?: boolean } = {},
  ) {
    this.out = new TextBuilder(options.maxChars ?? Number.POSITIVE_INFINITY, options.seen);
    if (options.keepRead === true) this.out.read = [];
  }

  /** Nodes read so far (with `keepRead`). */
  get read(): readonly Node[] {
    return this.out.read ?? [];
  }

  /** Characters read over all slices. */
  get total(): number {
    return this.out.total;
  }

  /** True once every root was read (or `maxChars` reached). */
  get done(): boolean {
    return this.out.full || (this.stack.length === 0 && this.root >= this.roots.length);
  }

  /** The next slice (empty text when nothing is left). */
  next(sliceChars = Number.POSITIVE_INFINITY): PageText {
    const out = this.out;
    const { stack } = this;
    while (!out.full) {
      if (out.length >= sliceChars && (out.atBlockBreak || out.length >= 2 * sliceChars)) break;
      const top = stack[stack.length - 1];
      if (top === undefined) {
        const root = this.roots[this.root++];
        if (root === undefined) break;
        this.open(root);
        continue;
      }
      const child = top.next;
      if (child === null) {
        stack.pop();
        if (top.block) out.separate(BLOCK_BREAK);
        continue;
      }
      top.next = child.nextSibling;
      if (child.nodeType === TEXT_NODE) out.add(child as Text, top.preformatted);
      else if (child.nodeType === ELEMENT_NODE) {
        const el = child as Element;
        // Read whole by an earlier scan (its new descendants arrive as added nodes of their own).
        if (out.seen.has(el) || shouldSkip(el)) continue;
        out.mark(el);
        const tag = el.tagName.toUpperCase();
        const block = BLOCKS.has(tag);
        if (block) out.separate(BLOCK_BREAK);
        stack.push({ next: el.firstChild, preformatted: top.preformatted || tag === 'PRE', block });
      }
    }
    return out.take();
  }

  /** A root: its own text, or its children (the root itself is not tested for skipping: the caller chose it). */
  private open(root: Node): void {
    const out = this.out;
    out.separate(BLOCK_BREAK);
    if (root.nodeType === TEXT_NODE) out.add(root as Text, false);
    else if (out.mark(root)) this.stack.push({ next: root.firstChild, preformatted: false, block: false });
  }
}

/** Two slices of page text as one, `b` after `a` with a block break between them (when both hold text). */
export function joinPageText(a: PageText, b: PageText): PageText {
  if (a.text === '') return b;
  if (b.text === '') return a;
  const shift = a.text.length + BLOCK_BREAK.length;
  const chunks = a.chunks.slice();
  for (const c of b.chunks) chunks.push({ node: c.node, start: c.start + shift });
  return { text: a.text + BLOCK_BREAK + b.text, chunks };
}

/** What a full read of the page starts from: the main/article regions if they hold enough text, or the body. */
export function pageRoots(doc: Document, minMainChars = 200): Element[] {
  const regions = contentRoots(doc);
  if (regions.length > 0) {
    // A private set: a main region too short to use must not mark its text as read. Four times the
    // minimum is enough to tell (the text only holds single separators between words and blocks).
    const probe = new TextReader(regions, { maxChars: minMainChars * 4 + 16 });
    if (probe.next().text.trim().length >= minMainChars) return regions;
  }
  const body = doc.body ?? doc.documentElement;
  return body ? [body] : [];
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
  const reader = new TextReader(pageRoots(doc, options.minMainChars), {
    maxChars,
    ...(options.seen !== undefined ? { seen: options.seen } : {}),
  });
  return reader.next();
}

/** True when `node` or an ancestor is skipped (script, navigation, aside, hidden, form field, editable…). */
export function insideSkipped(node: Node): boolean {
  return new SkipMemo().inside(node);
}

/**
 * The roots to read among nodes added to the page after a scan, in document
 * order: text already read (by an earlier scan in `seen`) and text inside
 * skipped elements is left out, and so is a node inside another one of the
 * list (reading the outer one reads it); where the page has main/article
 * regions, only what lies in them counts (comment widgets and ads that load
 * late stay out, as they did on the first scan), and a wrapper that brings a
 * whole article counts for the regions inside it.
 *
 * Linear in the nodes and their distinct ancestors: every test walks up the
 * tree once with what earlier walks learnt, and document order comes from one
 * walk down the ancestors' children, never from comparing nodes pairwise.
 */
export function addedRoots(doc: Document, nodes: readonly Node[], seen: WeakSet<Node> = new WeakSet()): Node[] {
  const regions = contentRoots(doc);
  const regionSet = new Set<Node>(regions);
  /** Per ancestor: whether it is, or lies in, a region. */
  const inRegion = new Map<Node, boolean>();
  const insideRegion = (node: Node): boolean => {
    const path: Node[] = [];
    let result = false;
    for (let up: Node | null = node; up; up = up.parentNode) {
      const known = inRegion.get(up);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(up);
      if (regionSet.has(up)) {
        result = true;
        break;
      }
    }
    for (const n of path) inRegion.set(n, result);
    return result;
  };
  const picked = new Set<Node>();
  const wrappers = new Set<Node>();
  for (const node of nodes) {
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== TEXT_NODE) continue;
    if (!node.isConnected || seen.has(node)) continue;
    if (regions.length > 0 && !insideRegion(node)) {
      if (node.nodeType === ELEMENT_NODE) wrappers.add(node);
      continue;
    }
    picked.add(node);
  }
  // A wrapper that brings a whole article with it: take the regions inside it.
  if (wrappers.size > 0)
    for (const region of regions)
      for (let up = region.parentNode; up; up = up.parentNode)
        if (wrappers.has(up)) {
          if (!seen.has(region)) picked.add(region);
          break;
        }
  if (picked.size === 0) return [];

  // Outermost only: a node under another picked node is read with it.
  const covered = new Map<Node, boolean>();
  const underPicked = (node: Node): boolean => {
    const path: Node[] = [];
    let result = false;
    for (let up = node.parentNode; up; up = up.parentNode) {
      const known = covered.get(up);
      if (known !== undefined) {
        result = known;
        break;
      }
      path.push(up);
      if (picked.has(up)) {
        result = true;
        break;
      }
    }
    for (const n of path) covered.set(n, result);
    return result;
  };
  const skipped = new SkipMemo();
  const roots = new Set<Node>();
  for (const node of picked) if (!underPicked(node) && !skipped.inside(node)) roots.add(node);
  if (roots.size <= 1) return [...roots];

  // Document order: mark the roots' ancestors, then walk down through marked nodes only.
  const onPath = new Set<Node>();
  for (const node of roots) for (let up = node.parentNode; up && !onPath.has(up); up = up.parentNode) onPath.add(up);
  const ordered: Node[] = [];
  const stack: Array<ChildNode | null> = [doc.firstChild];
  while (stack.length > 0 && ordered.length < roots.size) {
    const child = stack[stack.length - 1] as ChildNode | null;
    if (child === null) {
      stack.pop();
      continue;
    }
    stack[stack.length - 1] = child.nextSibling;
    if (roots.has(child)) ordered.push(child);
    else if (onPath.has(child)) stack.push(child.firstChild);
  }
  return ordered;
}

/**
 * Text of nodes added to the page after a scan (see `addedRoots`), in
 * document order, with the same offsets map as `extractPageText`.
 */
export function extractAddedText(
  doc: Document,
  nodes: readonly Node[],
  maxChars = 1_000_000,
  seen: WeakSet<Node> = new WeakSet(),
): PageText {
  return new TextReader(addedRoots(doc, nodes, seen), { maxChars, seen }).next();
}
