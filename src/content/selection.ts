/**
 * Select → save, on the page. A selection becomes the W3C selectors of its
 * text (quote with context, position) in the same page text the scan and the
 * re-anchoring read, with the sentence around it, the page's citation facts
 * and — where it overlaps a detected allegation — that allegation's parties.
 *
 * The small Save button lives in a closed shadow root (like the card), and
 * acts only on trusted events: a page can dispatch synthetic clicks, but not
 * `isTrusted` ones, so it cannot fill the library in the reader's name. The
 * context menu and the keyboard command go through the background, which
 * asks this script for the selection (`collectSelection`).
 */
import { describeSpan } from '@core/anchor/span';
import type { AllegationFields } from '@core/annotation/record';
import { t as defaultT } from '@src/i18n';
import type { SaveInputMessage } from '@src/messaging/saved-protocol';
import { extractPageText, type PageText } from './extract';
import { readPageMeta } from './page-meta';
import { createUiHost } from './ui-host';

/** Fewer characters than this is a stray click, not a quote. */
const MIN_QUOTE = 3;
const MAX_SENTENCE = 4000;

/** Text offset of a DOM boundary point in `page`, or null when the point is outside the page's text. */
export function offsetOf(doc: Document, page: PageText, node: Node, offset: number): number | null {
  const { chunks } = page;
  if (node.nodeType === Node.TEXT_NODE) {
    const chunk = chunks.find((c) => c.node === node);
    if (chunk !== undefined) return chunk.start + Math.min(offset, chunk.node.length);
  }
  // An element boundary (or a text node the reading skips): the first chunk at or after it.
  const point = doc.createRange();
  point.setStart(node, offset);
  let lo = 0;
  let hi = chunks.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = chunks[mid];
    if (c === undefined) break;
    if (point.comparePoint(c.node, 0) >= 0) {
      found = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return found === -1 ? null : (chunks[found]?.start ?? null);
}

/** The sentence around [start, end) in the page text, bounded. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 1000), start);
  const cut = Math.max(...['. ', '! ', '? ', '\n', '» ', '." '].map((p) => before.lastIndexOf(p)));
  const from = cut === -1 ? Math.max(0, start - 1000) : start - before.length + cut + 1;
  const after = text.slice(end, end + 1000);
  const stop = after.search(/[.!?](?=\s|$)|\n/);
  const to = stop === -1 ? end + after.length : end + stop + 1;
  return text.slice(from, to).replace(/\s+/g, ' ').trim().slice(0, MAX_SENTENCE);
}

export interface SelectionDeps {
  doc: Document;
  /** The detected allegation a range overlaps, if any. */
  allegationOver(range: Range): AllegationFields | null;
}

/** The save payload for a range of the page, or null when it holds no page text. */
export function describeRange(deps: SelectionDeps, range: Range): SaveInputMessage | null {
  const { doc } = deps;
  if (range.collapsed) return null;
  const page = extractPageText(doc);
  const start = offsetOf(doc, page, range.startContainer, range.startOffset);
  const end = offsetOf(doc, page, range.endContainer, range.endOffset);
  if (start === null || end === null || end - start < MIN_QUOTE) return null;
  const exact = page.text.slice(start, end);
  if (exact.trim().length < MIN_QUOTE) return null;
  const { quote, position } = describeSpan(page.text, start, end);
  const allegation = deps.allegationOver(range);
  return {
    quote,
    position,
    sentence: sentenceAround(page.text, start, end),
    ...(allegation !== null ? { allegation } : {}),
    meta: readPageMeta(doc),
  };
}

/** The reader's current selection on the page (not in our own UI), as a save payload. */
export function describeSelection(deps: SelectionDeps, isOwnNode: (n: Node) => boolean): SaveInputMessage | null {
  const selection = deps.doc.defaultView?.getSelection?.();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (isOwnNode(range.commonAncestorContainer)) return null;
  return describeRange(deps, range);
}

export interface SaveButton {
  contains(node: Node): boolean;
  /** Shows the button for the page's selection now, or hides it (what a mouseup does). */
  checkSelection(): void;
  destroy(): void;
}

export interface SaveButtonDeps extends SelectionDeps {
  save(input: SaveInputMessage): Promise<{ ok: boolean }>;
  /** Our other UI (the card): selections there are not page text. */
  isOwnNode(node: Node): boolean;
  t?: typeof defaultT;
}

const roots = new WeakMap<Element, ShadowRoot>();
/** Tests reach the closed shadow root through this (the page cannot). */
export function saveButtonRootForTests(host: Element): ShadowRoot | undefined {
  return roots.get(host);
}

const STYLE = `
:host { all: initial; }
button {
  font: 600 13px/1.2 system-ui, sans-serif; color: #fff; background: #0b6b3a; border: 2px solid #fff;
  border-radius: 6px; padding: 5px 10px; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.35);
}
button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
button[data-state="saved"] { background: #1d4ed8; }
button[data-state="failed"] { background: #a11d1d; }
@media (prefers-reduced-motion: no-preference) { button { transition: background-color .15s; } }
`;

/** The small Save button next to a selection. */
export function createSaveButton(deps: SaveButtonDeps): SaveButton {
  const { doc } = deps;
  const tr = deps.t ?? defaultT;
  const win = doc.defaultView;
  // Built at the first selection: most pages never show it, and a shadow root with its style
  // costs the page's thread about a millisecond at start-up.
  let built: { host: HTMLElement; s: CSSStyleDeclaration; button: HTMLButtonElement } | null = null;
  const build = () => {
    if (built !== null) return built;
    const { host, root } = createUiHost(doc, 'counterpoint-save', 'none');
    const s = host.style;
    roots.set(host, root);
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const button = doc.createElement('button');
    button.type = 'button';
    // The first i18n lookup of a content script loads the extension's messages (tens of
    // milliseconds on the page's thread): here, when a reader first selects text.
    button.textContent = tr('saveButton');
    button.setAttribute('aria-label', tr('saveButtonLabel'));
    root.append(style, button);
    // Keep the page's selection when the button is pressed.
    button.addEventListener('mousedown', (event) => event.preventDefault(), opts);
    button.addEventListener('click', onClick, opts);
    built = { host, s, button };
    return built;
  };
  let pending: SaveInputMessage | null = null;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  const listening = new AbortController();
  const opts = { signal: listening.signal };

  function hide(): void {
    pending = null;
    if (built === null) return;
    const { s, button } = built;
    s.setProperty('display', 'none', 'important');
    button.removeAttribute('data-state');
    button.textContent = tr('saveButton');
  }

  function showFor(range: Range, payload: SaveInputMessage): void {
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    pending = payload;
    const { host, s } = build();
    if (!host.isConnected) doc.documentElement.append(host);
    s.setProperty('top', `${Math.round(last.bottom + (win?.scrollY ?? 0) + 6)}px`, 'important');
    s.setProperty('left', `${Math.round(Math.max(4, last.right + (win?.scrollX ?? 0) - 40))}px`, 'important');
    s.setProperty('display', 'block', 'important');
  }

  doc.addEventListener(
    'mouseup',
    (event) => {
      if (!event.isTrusted) return;
      const target = event.target as Node | null;
      if (target !== null && built?.host.contains(target)) return;
      // After the browser has updated the selection.
      setTimeout(checkSelection, 0);
    },
    opts,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape') hide();
    },
    opts,
  );
  function checkSelection(): void {
    const selection = win?.getSelection?.();
    const range = !selection || selection.isCollapsed || selection.rangeCount === 0 ? null : selection.getRangeAt(0);
    const payload = range === null || deps.isOwnNode(range.commonAncestorContainer) ? null : describeRange(deps, range);
    if (range === null || payload === null) hide();
    else showFor(range, payload);
  }

  function onClick(event: MouseEvent): void {
    if (!event.isTrusted || pending === null || built === null) return;
    const { button } = built;
    const payload = pending;
    pending = null;
    deps
      .save(payload)
      .then((r) => {
        button.dataset.state = r.ok ? 'saved' : 'failed';
        button.textContent = tr(r.ok ? 'saveDone' : 'saveFailed');
      })
      .catch(() => {
        button.dataset.state = 'failed';
        button.textContent = tr('saveFailed');
      })
      .finally(() => {
        clearTimeout(hideTimer);
        hideTimer = setTimeout(hide, 1200);
      });
  }

  return {
    contains: (node) => built?.host.contains(node) === true,
    checkSelection,
    destroy() {
      listening.abort();
      clearTimeout(hideTimer);
      built?.host.remove();
    },
  };
}
