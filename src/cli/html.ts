/**
 * HTML input of the CLI: the page is parsed with linkedom and read by the
 * content script's own walker (src/content/extract.ts), so `scan FILE.html`
 * and the extension find the same text in the same page.
 */
import { parseHTML } from 'linkedom';
import { extractPageText } from '../content/extract';

/** Wraps fragments so linkedom builds a proper <html><body> tree around them. */
function asDocument(html: string): string {
  if (/<html[\s>]/i.test(html) || /<body[\s>]/i.test(html)) return html;
  return `<!doctype html><html><head></head><body>${html}</body></html>`;
}

/**
 * The readable text of an HTML page, exactly as the extension reads it (see
 * `extractPageText`): blocks separated by a blank line, entities decoded,
 * source line breaks turned into spaces. linkedom applies no stylesheet, so
 * only the `hidden` attribute, `aria-hidden` and inline styles can hide text.
 */
export function htmlToText(html: string): string {
  const { document } = parseHTML(asDocument(html));
  return extractPageText(document as unknown as Document).text;
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

// Elements that never hold children, and those whose end tag may be left out (closed by what follows):
// neither deepens a well-formed page, so the estimate below does not count them.
const NO_DEPTH = new Set(
  (
    'area base br col embed hr img input link meta param source track wbr keygen basefont bgsound frame ' +
    'p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rtc rp html head body'
  ).split(' '),
);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * How deep `html` nests its elements, estimated in one linear pass over its
 * tags (comments and the content of script/style skipped), stopping as soon
 * as the depth passes `stopAbove`. Parsing a page nested 200,000 levels deep
 * takes linkedom about a minute; this estimate lets the CLI refuse it first.
 */
export function nestingDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let max = 0;
  let i = 0;
  const lower = html.toLowerCase();
  const NAME = /^<(\/?)([a-z][a-z0-9-]*)/;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end === -1) break;
      i = end + 3;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break;
    i = gt + 1;
    const m = NAME.exec(lower.slice(lt, Math.min(gt + 1, lt + 40)));
    const name = m?.[2];
    if (m === null || name === undefined || NO_DEPTH.has(name)) continue;
    if (m[1] === '/') {
      if (depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Skip to the end of its closing tag: what is inside is text, not tags.
      const close = lower.indexOf(`</${name}`, i);
      const end = close === -1 ? -1 : html.indexOf('>', close);
      if (end === -1) break;
      i = end + 1;
      continue;
    }
    if (html[gt - 1] === '/') continue;
    depth++;
    if (depth > max) {
      max = depth;
      if (max > stopAbove) return max;
    }
  }
  return max;
}
