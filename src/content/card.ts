/**
 * The in-page card of one allegation and its counter-statements. It lives in
 * a closed shadow root on a single host element appended to <html>, so page
 * styles and scripts cannot reach into it and nothing else of the page
 * changes. Every text — the page's sentence, stored claims — goes in as text
 * (createElement / textContent), never as HTML. Outside clicks are the
 * controller's business (see `contains`); Escape and × close the card here.
 */
import type { CounterStatementView, IncidentRef } from '@core/match/view';
import { t as defaultT, uiLanguage } from '@src/i18n';
import { actionLabel, actorLabel, formatDate, relationLabel, stanceLabel } from '@src/i18n/format';
import type { ScanAllegation } from '@src/messaging/protocol';
import { createUiHost } from './ui-host';

export interface AnchorRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
  width: number;
  height: number;
}

export interface Viewport {
  /** Client width and height (without scrollbars where known). */
  width: number;
  height: number;
  scrollX: number;
  scrollY: number;
}

export interface Placement {
  /** Document coordinates for the absolutely positioned host. */
  top: number;
  left: number;
  side: 'below' | 'above';
}

export interface CardOptions {
  onMore(): void;
  onStep(direction: 1 | -1): void;
  /**
   * Save and Annotate… (shown only when given): each resolves to whether the
   * allegation is saved. Called only for the reader's own clicks (`isTrusted`).
   */
  onSave?(): Promise<boolean>;
  onAnnotate?(): Promise<boolean>;
  /**
   * A counter-statement's incident link (shown only when given): opens that
   * incident's timeline. Called only for the reader's own clicks (`isTrusted`).
   */
  onIncident?(incident: IncidentRef): void;
  /** Called when the user closes the card (Escape, ×), not on `hide()`. */
  onClose?(): void;
  t?: typeof defaultT;
  /** Language for country names and dates; the browser UI language by default. */
  lang?: string;
  /** The viewport, read on every show; from `doc.defaultView` by default. */
  viewport?: () => Viewport;
}

export interface CardShowOptions {
  /** "2 / 7", shown between Previous and Next. */
  position?: string;
  /** Move keyboard focus into the card (keyboard navigation). */
  focus?: boolean;
  /** The counter-statements are still being looked up: say so rather than "none". */
  loading?: boolean;
  /** The allegation's sentence is in the library already: Save reads "Saved". */
  saved?: boolean;
}

export interface Card {
  show(allegation: ScanAllegation, anchor: AnchorRect, opts?: CardShowOptions): void;
  hide(): void;
  isOpen(): boolean;
  destroy(): void;
  /** Whether an event target belongs to the card (with a closed root, page-level targets are the host). */
  contains(node: Node): boolean;
}

/** Distance between the anchor and the card, and between the card and the viewport's edges. */
export const CARD_GAP = 8;
export const CARD_MARGIN = 8;
const CARD_WIDTH = 360;
/** Used when the card cannot be measured (no layout). */
const FALLBACK_HEIGHT = 240;
/** How many counter-statements the card lists; the rest are a click away (More). */
export const CARD_MAX_CLAIMS = 3;
const CLAIM_TEXT_MAX = 280;

const CSS = `
:host { all: initial; }
[hidden] { display: none !important; }
.card { box-sizing: border-box; width: ${CARD_WIDTH}px; max-width: calc(100vw - ${2 * CARD_MARGIN}px);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1f; background: #fff;
  border: 1px solid #c4c4cc; border-left: 5px solid #c66400; border-radius: 8px; padding: 10px 12px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18); text-align: left; overflow-wrap: anywhere; }
.card.denial { border-left: 5px dashed #005ac8; }
.card.counter_accusation { border-left: 7px double #8c28c8; }
:focus { outline: none; }
:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.head { display: flex; align-items: center; gap: 6px; }
.stance { font-weight: 700; font-size: 11px; letter-spacing: 0.04em; text-transform: uppercase; }
.badge { font-size: 11px; border: 1px solid currentColor; border-radius: 999px; padding: 0 6px; opacity: 0.8; }
button { font: inherit; color: inherit; background: transparent; border: 1px solid #c4c4cc; border-radius: 6px;
  padding: 2px 8px; cursor: pointer; }
button:hover { background: rgba(127, 127, 127, 0.14); }
.close { margin-left: auto; border: 0; font-size: 18px; line-height: 1; padding: 0 4px; }
a { color: #0b57d0; }
p { margin: 0; }
.actors { margin: 6px 0 4px; font-weight: 600; }
.sentence, .text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 3; line-clamp: 3;
  overflow: hidden; }
.sentence { font-style: italic; }
h2 { font-size: 12px; font-weight: 700; margin: 10px 0 4px; }
ol { list-style: none; margin: 0; padding: 0; }
li { border-top: 1px solid #e2e2e8; padding: 6px 0 0; margin: 0 0 6px; }
.meta, .src, .pos, .empty { font-size: 12px; color: #55555e; }
.speaker { font-weight: 600; color: #1b1b1f; }
.incident { font-size: 12px; margin: 2px 0 0; }
.incident button { border: 0; padding: 0; color: #0b57d0; text-decoration: underline; text-align: left; }
.rel { border-radius: 4px; padding: 0 4px; background: rgba(127, 127, 127, 0.16); }
.text { margin: 2px 0; }
.empty { margin: 8px 0 0; }
.foot { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin-top: 10px; }
.pos { font-variant-numeric: tabular-nums; }
.more { margin-left: auto; font-weight: 600; }
.origin { font-size: 11px; color: #55555e; margin: 8px 0 0; }
[data-state="saved"] { border-style: dashed; }
[data-state="failed"] { border-color: #a11d1d; }
@media (prefers-color-scheme: dark) {
  .card { color: #e8e8ee; background: #202124; border-color: #4a4a52; border-left-color: #ffa24a;
    box-shadow: 0 6px 24px rgba(0, 0, 0, 0.5); }
  .card.denial { border-left-color: #6cb4ff; }
  .card.counter_accusation { border-left-color: #d08cff; }
  button { border-color: #4a4a52; }
  a, .incident button { color: #8ab4f8; }
  :focus-visible { outline-color: #8ab4f8; }
  li { border-color: #3a3a42; }
  .meta, .src, .pos, .empty, .origin { color: #b4b4bc; }
  .speaker { color: #e8e8ee; }
}
`;

const roots = new WeakMap<Element, ShadowRoot>();
/**
 * The claim id of each listed counter-statement. Ids (which name the reader's
 * packs) stay out of the DOM, even inside the closed root: no attribute of the
 * card carries one.
 */
const claimIds = new WeakMap<Element, string>();

/** The card's closed shadow root, for unit tests and automation only. */
export function cardShadowRootForTests(host: Element): ShadowRoot | undefined {
  return roots.get(host);
}

/** The claim ids the card lists, in order (unit tests only). */
export function cardClaimIdsForTests(host: Element): string[] {
  const root = roots.get(host);
  if (root === undefined) return [];
  return Array.from(root.querySelectorAll('ol > li')).map((li) => claimIds.get(li) ?? '');
}

/**
 * Where the card goes: below the anchor, or above it when only there it fits
 * (if it fits nowhere, on the roomier side); its left edge follows the
 * anchor's, clamped inside the viewport. Viewport in, document coordinates out.
 */
export function placeCard(anchor: AnchorRect, card: { width: number; height: number }, viewport: Viewport): Placement {
  const below = anchor.bottom + CARD_GAP;
  const above = anchor.top - CARD_GAP - card.height;
  const fitsBelow = below + card.height <= viewport.height - CARD_MARGIN;
  const fitsAbove = above >= CARD_MARGIN;
  const side: Placement['side'] =
    fitsBelow || (!fitsAbove && viewport.height - anchor.bottom >= anchor.top) ? 'below' : 'above';
  const top = side === 'below' ? below : Math.max(CARD_MARGIN, above);
  const maxLeft = viewport.width - CARD_MARGIN - card.width;
  const left = Math.max(CARD_MARGIN, Math.min(anchor.left, maxLeft));
  return { top: top + viewport.scrollY, left: left + viewport.scrollX, side };
}

/** The URL if it is http(s), else null (no javascript:, data:… links). */
export function safeHttpUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text
    .slice(0, max - 1)
    .replace(/[\uD800-\uDBFF]$/, '')
    .trimEnd()}…`;
}

function defaultViewport(doc: Document): Viewport {
  const win = doc.defaultView;
  const el = doc.documentElement;
  const width = el?.clientWidth || win?.innerWidth || 1024;
  const height = win?.innerHeight || el?.clientHeight || 768;
  return { width, height, scrollX: win?.scrollX ?? 0, scrollY: win?.scrollY ?? 0 };
}

export function createCard(doc: Document, options: CardOptions): Card {
  const tr = options.t ?? defaultT;
  const lang = options.lang ?? uiLanguage();
  const viewport = options.viewport ?? (() => defaultViewport(doc));
  const cleanups: Array<() => void> = [];
  let ui: ReturnType<typeof build> | null = null;
  let open = false;
  let destroyed = false;
  let previousFocus: Element | null = null;
  /** The allegation on screen (its offset and text): a late answer to Save is for it only. */
  let shown = '';

  function on(target: EventTarget, type: string, listener: (e: Event) => void): void {
    target.addEventListener(type, listener);
    cleanups.push(() => target.removeEventListener(type, listener));
  }

  function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    className?: string,
    text?: string,
  ): HTMLElementTagNameMap[K] {
    const e = doc.createElement(tag);
    if (className !== undefined) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function button(className: string, label: string, onClick: (e: Event) => void, before?: string, after?: string) {
    const b = el('button', className);
    b.type = 'button';
    if (before !== undefined) b.append(arrow(before), doc.createTextNode(' '));
    b.append(doc.createTextNode(label));
    if (after !== undefined) b.append(doc.createTextNode(' '), arrow(after));
    on(b, 'click', onClick);
    return b;
  }

  function arrow(glyph: string): HTMLElement {
    const s = el('span', undefined, glyph);
    s.setAttribute('aria-hidden', 'true');
    return s;
  }

  function build() {
    const { host, root } = createUiHost(doc, 'counterpoint-card', 'block');
    roots.set(host, root);
    applyStyles(root);

    const dialog = el('div', 'card');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-label', tr('cardDialogLabel'));
    dialog.tabIndex = -1;

    const head = el('div', 'head');
    const stance = el('span', 'stance');
    const hedged = el('span', 'badge', tr('hedged'));
    const close = button('close', '×', () => userClose());
    close.setAttribute('aria-label', tr('cardClose'));
    close.title = tr('cardClose');
    head.append(stance, hedged, close);

    const actors = el('p', 'actors');
    const sentence = el('p', 'sentence');
    const heading = el('h2');
    heading.id = 'cp-claims';
    const list = el('ol');
    list.setAttribute('aria-labelledby', 'cp-claims');
    const empty = el('p', 'empty', tr('cardNoCounterStatements'));
    empty.setAttribute('aria-live', 'polite');

    const foot = el('div', 'foot');
    const prev = button('prev', tr('cardPrevious'), () => options.onStep(-1), '◀');
    const pos = el('span', 'pos');
    pos.setAttribute('aria-live', 'polite');
    const next = button('next', tr('cardNext'), () => options.onStep(1), undefined, '▶');
    const more = button('more', tr('cardMore'), () => options.onMore());
    foot.append(prev, pos, next, more);

    // Only the reader's own clicks (or keys) save: a page cannot fill the library in their name.
    const acts = el('div', 'foot');
    const save = button('save', tr('saveButton'), (e) => e.isTrusted && act(save, options.onSave));
    const annotate = button('annotate', tr('cardAnnotate'), (e) => e.isTrusted && act(annotate, options.onAnnotate));
    acts.append(save, annotate);
    acts.hidden = options.onSave === undefined;

    // A page can paint marks that look like ours: the card (opened only from a real mark, by a real click) says whose it is.
    const origin = el('p', 'origin', tr('cardGenuine'));
    dialog.append(head, actors, sentence, heading, list, empty, acts, foot, origin);
    root.append(dialog);
    on(root, 'keydown', (e) => {
      if ((e as KeyboardEvent).key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      userClose();
    });
    return { host, root, dialog, stance, hedged, actors, sentence, heading, list, empty, pos, save, annotate };
  }

  /** Shows on Save whether the allegation on screen is saved. */
  function markSaved(saved: boolean): void {
    if (ui === null) return;
    ui.save.textContent = tr(saved ? 'saveDone' : 'saveButton');
    ui.save.dataset.state = saved ? 'saved' : '';
    ui.annotate.dataset.state = '';
  }

  /** Runs Save or Annotate once at a time, for the allegation it was clicked on. */
  function act(b: HTMLButtonElement, run: (() => Promise<boolean>) | undefined): void {
    if (run === undefined || b.dataset.state === 'busy') return;
    const before = b.dataset.state ?? '';
    const shownFor = shown;
    b.dataset.state = 'busy';
    const done = (ok: boolean) => {
      if (shown !== shownFor) return;
      b.dataset.state = before;
      if (ok) markSaved(true);
      else {
        b.dataset.state = 'failed';
        if (b === ui?.save) b.textContent = tr('saveFailed');
      }
    };
    run().then(done, () => done(false));
  }

  function applyStyles(root: ShadowRoot): void {
    // A constructed sheet is not subject to the page's style-src CSP; check it took.
    try {
      if (typeof CSSStyleSheet === 'function' && 'adoptedStyleSheets' in root) {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
        if (root.adoptedStyleSheets.length === 1) return;
      }
    } catch {
      // Fall back to a <style> element.
    }
    root.append(el('style', undefined, CSS));
  }

  function claimItem(c: CounterStatementView): HTMLLIElement {
    const li = el('li');
    claimIds.set(li, c.id);
    const meta = el('div', 'meta');
    const time = el('time', undefined, formatDate(c.date, lang));
    time.dateTime = c.date;
    const rel = el('span', 'rel', relationLabel(c.relation));
    rel.title = c.why;
    meta.append(
      el('span', 'speaker', c.speaker || actorLabel(c.speakerActor, lang)),
      doc.createTextNode(' · '),
      time,
      doc.createTextNode(' · '),
      rel,
    );
    const text = el('p', 'text', clampText(c.text, CLAIM_TEXT_MAX));
    if (c.lang) text.lang = c.lang;
    const src = el('div', 'src');
    const href = safeHttpUrl(c.source.url);
    const publisher = c.source.publisher || (href !== null ? new URL(href).hostname : '');
    if (href !== null) {
      const a = el('a', undefined, publisher);
      a.href = href;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      if (c.source.title) a.title = c.source.title;
      src.append(a);
    } else {
      src.textContent = publisher;
    }
    li.append(meta, text, src);
    const incident = c.incident;
    if (incident !== null && options.onIncident !== undefined) {
      const onIncident = options.onIncident;
      const name = lang.toLowerCase().startsWith('fr') ? (incident.nameFr ?? incident.name) : incident.name;
      const line = el('p', 'incident');
      const link = button('', tr('incidentPartOf', name), (e) => {
        if (e.isTrusted) onIncident(incident);
      });
      link.title = tr('incidentOpenTimeline');
      line.append(link);
      li.append(line);
    }
    return li;
  }

  function fill(u: NonNullable<typeof ui>, a: ScanAllegation, position: string | undefined, loading: boolean): void {
    u.dialog.className = `card ${a.stance}`;
    u.stance.textContent = stanceLabel(a.stance);
    u.hedged.hidden = !a.hedged;
    const parts: string[] = [];
    if (a.accuser !== null || a.accused !== null)
      parts.push(`${actorLabel(a.accuser, lang)} → ${actorLabel(a.accused, lang)}`);
    parts.push(actionLabel(a.action));
    if (a.target) parts.push(tr('cardTarget', a.target));
    u.actors.textContent = parts.join(' · ');
    u.sentence.textContent = a.text;
    u.sentence.lang = a.lang;
    const claims = a.counterStatements.slice(0, CARD_MAX_CLAIMS);
    u.heading.textContent = tr('cardCounterStatements', a.counterStatements.length);
    while (u.list.firstChild !== null) u.list.removeChild(u.list.firstChild);
    for (const c of claims) u.list.append(claimItem(c));
    u.heading.hidden = claims.length === 0;
    u.list.hidden = claims.length === 0;
    u.empty.hidden = claims.length > 0;
    u.empty.textContent = tr(loading ? 'cardLoading' : 'cardNoCounterStatements');
    u.pos.textContent = position ?? '';
  }

  function focusInside(): boolean {
    if (ui === null) return false;
    return ui.root.activeElement != null || doc.activeElement === ui.host;
  }

  function place(u: NonNullable<typeof ui>, anchor: AnchorRect): void {
    const s = u.host.style;
    s.setProperty('visibility', 'hidden', 'important');
    s.setProperty('top', '0px', 'important');
    s.setProperty('left', '0px', 'important');
    const vp = viewport();
    const measured = u.host.getBoundingClientRect();
    const width = measured.width > 0 ? measured.width : Math.min(CARD_WIDTH, vp.width - 2 * CARD_MARGIN);
    const height = measured.height > 0 ? measured.height : FALLBACK_HEIGHT;
    const p = placeCard(anchor, { width, height }, vp);
    s.setProperty('top', `${Math.round(p.top)}px`, 'important');
    s.setProperty('left', `${Math.round(p.left)}px`, 'important');
    s.removeProperty('visibility');
  }

  function userClose(): void {
    if (!open) return;
    hide();
    options.onClose?.();
  }

  function hide(): void {
    if (ui === null || !open) return;
    const restore = focusInside() ? previousFocus : null;
    ui.host.remove();
    open = false;
    previousFocus = null;
    if (restore?.isConnected && typeof (restore as HTMLElement).focus === 'function') {
      (restore as HTMLElement).focus({ preventScroll: true });
    }
  }

  return {
    show(allegation, anchor, opts = {}) {
      if (destroyed) return;
      if (ui === null) ui = build();
      const u = ui;
      fill(u, allegation, opts.position, opts.loading === true);
      const key = `${allegation.start} ${allegation.text}`;
      if (shown !== key || opts.saved === true) markSaved(opts.saved === true);
      shown = key;
      if (!u.host.isConnected) doc.documentElement.appendChild(u.host);
      open = true;
      place(u, anchor);
      if (opts.focus === true && !focusInside()) {
        previousFocus = doc.activeElement ?? null;
        u.dialog.focus({ preventScroll: true });
      }
    },
    hide,
    isOpen: () => open,
    destroy() {
      if (destroyed) return;
      hide();
      for (const off of cleanups.splice(0)) off();
      ui?.host.remove();
      ui = null;
      destroyed = true;
    },
    contains(node) {
      if (ui === null) return false;
      return node === ui.host || ui.host.contains(node) || ui.root.contains(node);
    },
  };
}
