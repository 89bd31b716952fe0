/**
 * Readable-text extraction for the CLI: turns an HTML page into plain text
 * with one line per block element, so the detector sees the article body and
 * not the navigation, scripts or hidden boilerplate around it.
 */
import { parseHTML } from 'linkedom';

/** Elements whose whole subtree is never readable article text. */
const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'meta',
  'link',
  'dialog',
]);

/** Elements that start and end a line of output. */
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);

/** Table cells are separated by a space, not a line break. */
const CELL = new Set(['td', 'th']);

/** Minimal structural view of the linkedom nodes we walk (keeps us off the DOM lib types). */
interface WalkNode {
  nodeType: number;
  nodeValue?: string | null;
  localName?: string;
  childNodes: ArrayLike<WalkNode>;
  parentNode?: WalkNode | null;
  getAttribute?: (name: string) => string | null;
  hasAttribute?: (name: string) => boolean;
}

interface WalkDocument {
  body?: WalkNode | null;
  documentElement?: WalkNode | null;
  querySelectorAll(selector: string): ArrayLike<WalkNode>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_NODE = 4;

function tagOf(node: WalkNode): string {
  return (node.localName ?? '').toLowerCase();
}

/** True when the element itself is hidden or boilerplate (not its ancestors). */
function isSkipped(el: WalkNode): boolean {
  if (DROPPED.has(tagOf(el))) return true;
  if (el.hasAttribute?.('hidden')) return true;
  const ariaHidden = el.getAttribute?.('aria-hidden');
  if (ariaHidden != null && ariaHidden.trim().toLowerCase() === 'true') return true;
  const style = el.getAttribute?.('style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(style)) {
    return true;
  }
  const role = el.getAttribute?.('role')?.trim().toLowerCase();
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary') {
    return true;
  }
  return false;
}

/** True when the element or one of its ancestors is skipped. */
function isInSkipped(el: WalkNode): boolean {
  for (let n: WalkNode | null | undefined = el; n && n.nodeType === ELEMENT_NODE; n = n.parentNode) {
    // The region itself may legitimately sit inside <body>/<html>; those are never skipped.
    if (isSkipped(n)) return true;
  }
  return false;
}

function isInside(el: WalkNode, ancestors: WalkNode[]): boolean {
  for (let n = el.parentNode; n; n = n.parentNode) {
    if (ancestors.includes(n)) return true;
  }
  return false;
}

/** Picks the content region(s): top-level visible <article>s, else <main>, else [role=main], else <body>. */
function chooseRegions(document: WalkDocument): WalkNode[] {
  for (const selector of ['article', 'main', '[role=main]']) {
    const found = Array.from(document.querySelectorAll(selector)).filter((el) => !isInSkipped(el));
    // Keep only outermost matches so nested articles are not emitted twice.
    const outer = found.filter((el) => !isInside(el, found));
    if (outer.length > 0) return outer;
  }
  const fallback = document.body ?? document.documentElement;
  return fallback ? [fallback] : [];
}

class LineWriter {
  readonly lines: string[] = [];
  private current = '';

  text(s: string): void {
    this.current += s;
  }

  /** Ends the current line (if it has any visible text). */
  break(): void {
    const line = this.current.replace(/\s+/g, ' ').trim();
    if (line) this.lines.push(line);
    this.current = '';
  }
}

function walk(node: WalkNode, out: LineWriter, inPre: boolean): void {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) {
    const value = node.nodeValue ?? '';
    if (inPre && value.includes('\n')) {
      const parts = value.split(/\r?\n/);
      parts.forEach((part, i) => {
        if (i > 0) out.break();
        out.text(part);
      });
    } else {
      out.text(value);
    }
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  if (isSkipped(node)) return;
  const tag = tagOf(node);
  if (tag === 'br') {
    out.break();
    return;
  }
  const block = BLOCK.has(tag);
  if (block) out.break();
  if (CELL.has(tag)) out.text(' ');
  const pre = inPre || tag === 'pre';
  for (const child of Array.from(node.childNodes)) walk(child, out, pre);
  if (CELL.has(tag)) out.text(' ');
  if (block) out.break();
}

/** Wraps fragments so linkedom builds a proper <html><body> tree around them. */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html) || /<body[\s>]/i.test(html)) return html;
  return `<!doctype html><html><head></head><body>${html}</body></html>`;
}

/**
 * Extracts the readable text of an HTML page: the main content region
 * (`<article>` / `<main>` / `[role=main]`, else `<body>`) without scripts,
 * navigation, forms and hidden elements, one line per block element, with
 * whitespace collapsed and entities decoded. The page `<title>` is never
 * included; headings are included only when inside the chosen region.
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(asDocument(html)) as unknown as { document: WalkDocument };
  const out = new LineWriter();
  for (const region of chooseRegions(document)) {
    out.break();
    walk(region, out, false);
    out.break();
  }
  return out.lines.join('\n');
}

const KNOWN_TAG =
  /<\/?(?:a|abbr|article|aside|b|blockquote|body|br|code|dd|div|dl|dt|em|figure|footer|form|h[1-6]|head|header|hr|html|i|img|input|li|link|main|meta|nav|ol|p|pre|script|section|small|span|strong|style|table|td|th|title|tr|u|ul)(?:\s[^<>]*)?\/?>/gi;

/**
 * Cheap sniff for HTML content: a leading doctype / `<html>` / `<?xml`
 * prolog, or a high density of well-known tags in the first few KB.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<!doctype\s+html/i.test(head) || /^<html[\s>]/i.test(head)) return true;
  if (/^<\?xml[^>]*>\s*(?:<!doctype\s+html|<html[\s>])/i.test(head)) return true;
  const found = head.match(KNOWN_TAG) ?? [];
  const tags = found.length;
  // Real markup closes its elements; prose that merely mentions "<p>" does not.
  if (tags < 3 || !found.some((t) => t.startsWith('</'))) return false;
  // At least one known tag per 200 characters, or a document that opens with a tag.
  return tags * 200 >= head.length || (head.startsWith('<') && tags >= 5);
}
