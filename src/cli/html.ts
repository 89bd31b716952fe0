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
