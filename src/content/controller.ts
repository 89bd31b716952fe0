/**
 * The content script's life on one page: scan, paint, follow the page as it
 * changes, answer the extension (reveal, step), and leave nothing behind when
 * switched off or unloaded. Every browser and page dependency comes in
 * through `ControllerDeps`, so the whole cycle runs in unit tests.
 */

import { anchorExact } from '@core/anchor/exact';
import type { IncidentRef } from '@core/match/view';
import { LIMITS } from '@src/messaging/limits';
import type {
  CounterStatementView,
  ScanAllegation,
  ScanMode,
  ScanResponse,
  ToContentMessage,
} from '@src/messaging/protocol';
import { rangeFor } from './anchor';
import { addedRoots, extractPageText, joinPageText, type PageText, pageRoots, TextReader } from './extract';
import type { Painter } from './highlight';
import { scanPieces } from './scan';

/** The in-page card, as the controller uses it (src/content/card.ts). */
export interface CardView {
  show(
    allegation: ScanAllegation,
    anchor: DOMRect,
    options: { position: string; focus: boolean; loading: boolean; saved?: boolean },
  ): void;
  hide(): void;
  isOpen(): boolean;
  contains(node: Node): boolean;
  destroy(): void;
}

export interface CardCallbacks {
  onMore(): void;
  onStep(direction: 1 | -1): void;
  /** Saves the allegation on screen (once); resolves to whether it is saved. */
  onSave?(): Promise<boolean>;
  /** Saves it if needed, then opens its annotation form in the library. */
  onAnnotate?(): Promise<boolean>;
  /** Opens a counter-statement's incident timeline. */
  onIncident?(incident: IncidentRef): void;
}

/** Saving an allegation's sentence as a saved claim, and annotating it (src/content/index.ts). */
export interface ClaimActions {
  /** The id of the saved claim painted over exactly this range, if any. */
  savedId(range: Range): string | null;
  /** Saves the text of `range` (with the allegation's parties); the new claim's id, or null. */
  save(range: Range): Promise<string | null>;
  annotate(id: string): Promise<unknown>;
}

export interface ControllerDeps {
  doc: Document;
  /** Sends a slice of the page's text (`offset` in the page's running text) to the background, which reads it. */
  send(slice: { text: string; offset: number }, mode: ScanMode): Promise<ScanResponse>;
  /** The counter-statements of allegation `index` of this tab's report, once the background has them. */
  counterStatements(index: number): Promise<CounterStatementView[] | null>;
  openReport(): Promise<unknown>;
  /** Opens an incident's timeline page (the card's incident link); without it the card shows no link. */
  openTimeline?(incident: IncidentRef): Promise<unknown>;
  createPainter(doc: Document): Painter;
  createCard(doc: Document, callbacks: CardCallbacks): CardView;
  /** Index of the painted range under a client point, or -1. */
  hitTest(doc: Document, ranges: readonly Range[], x: number, y: number): number;
  rectOf(range: Range): DOMRect | null;
  /** Quiet time after the last page mutation before its added text is scanned. */
  mutationDelayMs?: number;
  /**
   * The longest added text waits while the page keeps changing: the quiet time
   * restarts on every change, so a page that never stops (a ticker, an ad
   * rotating every 10 ms) would otherwise starve the scan for good.
   */
  maxMutationWaitMs?: number;
  /** Characters of page text read and scanned per slice; the page gets its thread back between slices. */
  sliceChars?: number;
  /** Added nodes taken per scan of added text; the rest wait for the next one. */
  nodesPerFlush?: number;
  /** Gives the page its thread back between slices (a macrotask by default). */
  yieldToPage?: () => Promise<void>;
  /** Milliseconds, for the maximum wait (tests pass a fake clock). */
  now?: () => number;
  /** Delay between an SPA navigation and the new page's scan (its content is still arriving). */
  navigationDelayMs?: number;
  /** How long a revealed allegation stays emphasised. */
  flashMs?: number;
  /** Save and Annotate on the card; without it the card has neither. */
  claims?: ClaimActions;
  /** After each scan (full or of added text): the page's text may have changed (saved claims re-anchor). */
  onScanned?: (mode: ScanMode) => void;
  log?: (message: string, error?: unknown) => void;
}

interface Item {
  allegation: ScanAllegation;
  /** Null when the text could not be found again in the page. */
  range: Range | null;
  /** The background answers scans before their counter-statements; the card asks for them once. */
  counterStatements?: Promise<void>;
  /** Its save from the card (once; a failed one may be tried again): the new claim's id. */
  saving?: Promise<string | null>;
  /** Saved from the card (the saved layer repaints a moment later). */
  saved?: boolean;
}

export interface Controller {
  /** Scans the page afresh (page load, "Scan this page", switched back on). */
  start(): Promise<void>;
  /** Removes highlights, card, observers and listeners; `start` may run again later. */
  stop(): void;
  /** The page changed address without loading (history.pushState): drop and re-scan. */
  navigated(): void;
  handleMessage(message: ToContentMessage): { ok: boolean };
  /** Resolves when no scan is running or queued (tests, automation). */
  idle(): Promise<void>;
  /** Allegations in report order (tests). */
  readonly items: readonly Item[];
  /** Added nodes waiting to be scanned (tests: removed ones are not kept). */
  readonly pending: number;
}

const ATTR = 'counterpointAllegations';
const UNANCHORED = 'counterpointUnanchored';
/** Separates the texts of successive scans in the running offset space. */
const SCAN_GAP = 2;
/** Below this many pending nodes, removed ones are not looked for. */
const PRUNE_MIN = 64;

/** The words are the same; white space may differ (the page text reads line breaks and runs of spaces as one). */
function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ') === b.replace(/\s+/g, ' ');
}

export function createController(deps: ControllerDeps): Controller {
  const { doc } = deps;
  const win = doc.defaultView;
  const mutationDelay = deps.mutationDelayMs ?? 400;
  const maxMutationWait = Math.max(mutationDelay, deps.maxMutationWaitMs ?? 1_500);
  const sliceChars = deps.sliceChars ?? 50_000;
  const nodesPerFlush = deps.nodesPerFlush ?? 2_000;
  const now = deps.now ?? (() => Date.now());
  const yieldToPage = deps.yieldToPage ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const navigationDelay = deps.navigationDelayMs ?? 700;
  const flashMs = deps.flashMs ?? 1600;
  const log = deps.log ?? ((message, error) => console.warn(`[counterpoint] ${message}`, error ?? ''));
  const { claims } = deps;

  let items: Item[] = [];
  let painter: Painter | null = null;
  let card: CardView | null = null;
  let current = -1;
  /** Offset where the next scan's text starts, so offsets of all scans of a page never collide. */
  let base = 0;
  /** Bumped by stop/navigation: answers to older scans are dropped. */
  let generation = 0;
  let active = false;
  let queue: Promise<void> = Promise.resolve();
  let observer: MutationObserver | null = null;
  let pendingNodes: Node[] = [];
  /** When the oldest pending node came (for the maximum wait); 0 when none waits. */
  let pendingSince = 0;
  /** Pending nodes are re-checked (removed ones dropped) when they outgrow this. */
  let pruneAt = PRUNE_MIN;
  /**
   * Nodes whose text a scan of this page has read. A paragraph can be added
   * inside an article that is itself waiting to be scanned; whichever scan
   * reads it first claims it, so no text is sent (and painted) twice.
   */
  let scanned = new WeakSet<Node>();
  let mutationTimer: ReturnType<typeof setTimeout> | undefined;
  let navigationTimer: ReturnType<typeof setTimeout> | undefined;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;
  let listening: AbortController | null = null;

  function painted(): number {
    return items.filter((i) => i.range !== null).length;
  }

  function publish(): void {
    const n = painted();
    doc.documentElement.dataset[ATTR] = String(n);
    // Found by the background but no longer on the page as it was sent: not painted, not dropped silently.
    doc.documentElement.dataset[UNANCHORED] = String(items.length - n);
  }

  /** Runs scans one after another: the background's report grows in the order the page painted. */
  function enqueue(task: () => Promise<void>): Promise<void> {
    queue = queue.then(task).catch((error: unknown) => log('scan failed', error));
    return queue;
  }

  /**
   * Scans one text (a slice of the page, or of its added nodes): the
   * background segments it and reads its candidate sentences, so the page's
   * thread only reads the DOM. The first message goes with `mode`, the rest
   * (a text node longer than a message holds) appended. False when the scan
   * was overtaken (stop, navigation).
   */
  async function scanText(page: PageText, mode: ScanMode, gen: number): Promise<boolean> {
    const offset = mode === 'replace' ? 0 : base;
    // A replace is always sent (even empty) so the tab's previous report and badge go; an empty append is not.
    if (mode === 'append' && page.text.trim() === '') return true;
    const pieces = scanPieces(page.text);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i] as { start: number; text: string };
      const response = await deps.send({ text: piece.text, offset: offset + piece.start }, i === 0 ? mode : 'append');
      if (gen !== generation || !active) return false;
      reread = null;
      if (mode === 'replace' && i === 0) resetPaint();
      base = offset + page.text.length + SCAN_GAP;
      paintAnswer(page, offset, response);
    }
    return true;
  }

  function paintAnswer(page: PageText, offset: number, response: ScanResponse): void {
    const added: Item[] = response.allegations.map((allegation) => ({
      allegation,
      range: anchorAllegation(page, allegation.start - offset, allegation.end - offset, allegation.text),
    }));
    items.push(...added);
    const paintable = added.flatMap((i) => (i.range ? [{ range: i.range, stance: i.allegation.stance }] : []));
    if (paintable.length === 0) return;
    painter ??= deps.createPainter(doc);
    // The fallback painter wraps text in <mark>s: its own mutations are not new page text.
    // What the page added meanwhile is taken first: disconnecting drops undelivered records.
    const held = observer?.takeRecords() ?? [];
    observer?.disconnect();
    painter.paint(paintable);
    observe();
    collect(held);
  }

  /** The page read again, once per answer, when some of its text moved while the background looked. */
  let reread: PageText | null = null;

  /**
   * The range of an allegation, only where the page still says what was sent:
   * text that moved is looked for again (exact, with its context, nearest its
   * old place); text that is gone is left unpainted and counted.
   */
  function anchorAllegation(page: PageText, start: number, end: number, quote: string): Range | null {
    const range = rangeFor(doc, page, start, end);
    if (range !== null && sameText(range.toString(), quote)) return range;
    reread ??= extractPageText(doc);
    const now = reread;
    const found = anchorExact(
      now.text,
      {
        type: 'TextQuoteSelector',
        exact: quote,
        prefix: page.text.slice(Math.max(0, start - 32), start),
        suffix: page.text.slice(end, end + 32),
      },
      { type: 'TextPositionSelector', start, end },
    );
    if (found === null) return null;
    // The text it now lies in was read (and answered): a scan of the page's new nodes must not send it again.
    for (const x of now.chunks) if (x.start < found.end && x.start + x.node.length > found.start) scanned.add(x.node);
    return rangeFor(doc, now, found.start, found.end);
  }

  function resetPaint(): void {
    painter?.clear();
    painter = null;
    card?.hide();
    items = [];
    current = -1;
  }

  /**
   * The reader's text in batches for scan messages: read `sliceChars` at a
   * time, the page's thread given back between slices, gathered until a
   * message could not hold another slice. At least one batch (maybe empty).
   * Stops early when the scan is overtaken (stop, navigation).
   */
  async function* batches(reader: TextReader, gen: number): AsyncGenerator<PageText> {
    let batch = reader.next(sliceChars);
    while (!reader.done) {
      await yieldToPage();
      if (gen !== generation || !active) return;
      if (batch.text.length + 2 * sliceChars > LIMITS.maxScanTextChars) {
        yield batch;
        if (gen !== generation || !active) return;
        batch = reader.next(sliceChars);
      } else batch = joinPageText(batch, reader.next(sliceChars));
    }
    yield batch;
  }

  function fullScan(): Promise<void> {
    const gen = generation;
    return enqueue(async () => {
      if (gen !== generation || !active) return;
      // Everything added so far is in this scan: drop what the observer holds.
      observer?.takeRecords();
      pendingNodes = [];
      pruneAt = PRUNE_MIN;
      clearTimeout(mutationTimer);
      scanned = new WeakSet();
      // The whole page, however long: read in slices (the page gets its thread back between them),
      // sent in as few messages as a message holds (each one a round trip): the first replaces
      // the tab's report, the others append to it.
      const reader = new TextReader(pageRoots(doc), { seen: scanned });
      let mode: ScanMode = 'replace';
      for await (const text of batches(reader, gen)) {
        if (!(await scanText(text, mode, gen))) return;
        mode = 'append';
      }
      if (gen !== generation || !active) return;
      publish();
      deps.onScanned?.('replace');
    });
  }

  // Dynamic pages: only the text added since the last scan is extracted and sent.

  function observe(): void {
    const Observer = (win as (Window & { MutationObserver?: typeof MutationObserver }) | null)?.MutationObserver;
    if (!active || doc.body === null || Observer === undefined) return;
    observer ??= new Observer(collect);
    observer.observe(doc.body, { childList: true, subtree: true });
  }

  function collect(records: readonly MutationRecord[]): void {
    const before = pendingNodes.length;
    // Runs inside the page's own task, once per batch of changes (20,000 appends: 20,000 records): no copies.
    for (let i = 0; i < records.length; i++) {
      const added = (records[i] as MutationRecord).addedNodes;
      for (let j = 0; j < added.length; j++) {
        const n = added[j] as Node;
        if (card?.contains(n)) continue;
        if (n.nodeType === 1 && (n as Element).hasAttribute('data-counterpoint-mark')) continue;
        pendingNodes.push(n);
      }
    }
    if (pendingNodes.length === before) return;
    // Nodes the page added and removed again are not kept alive waiting for the scan (DOM churn).
    if (pendingNodes.length > pruneAt) {
      pendingNodes = pendingNodes.filter((n) => n.isConnected);
      pruneAt = Math.max(PRUNE_MIN, 2 * pendingNodes.length);
    }
    if (pendingNodes.length === 0) return;
    if (before === 0) pendingSince = now();
    schedule();
  }

  /** The quiet time restarts with each change, up to the maximum wait since the oldest pending node. */
  function schedule(): void {
    clearTimeout(mutationTimer);
    const left = pendingSince + maxMutationWait - now();
    mutationTimer = setTimeout(flushMutations, Math.max(0, Math.min(mutationDelay, left)));
  }

  function flushMutations(): void {
    mutationTimer = undefined;
    // Bounded per scan: a page that appended 20,000 nodes at once is read a few thousand at a time.
    const nodes = pendingNodes.slice(0, nodesPerFlush).filter((n) => n.isConnected);
    pendingNodes = pendingNodes.slice(nodesPerFlush);
    pruneAt = Math.max(PRUNE_MIN, 2 * pendingNodes.length);
    if (pendingNodes.length > 0) {
      pendingSince = now();
      mutationTimer = setTimeout(flushMutations, 0);
    }
    if (!active || navigationTimer !== undefined) return;
    const gen = generation;
    void enqueue(async () => {
      if (gen !== generation || !active) return;
      const reader = new TextReader(addedRoots(doc, nodes, scanned), { seen: scanned });
      let scannedAny = false;
      for await (const page of batches(reader, gen)) {
        if (page.text.trim() === '') continue;
        if (!(await scanText(page, 'append', gen))) return;
        scannedAny = true;
        publish();
      }
      if (gen !== generation || !active) return;
      if (scannedAny) deps.onScanned?.('append');
    });
  }

  // The reader's side: click an allegation for its card, step with the keyboard command, reveal from the popup.

  function rangesInOrder(): Range[] {
    return items.map((i) => i.range ?? doc.createRange());
  }

  function visible(index: number): Range | null {
    const range = items[index]?.range ?? null;
    return range !== null && !range.collapsed && range.startContainer.isConnected ? range : null;
  }

  function openCard(index: number, focus: boolean): void {
    const range = visible(index);
    const item = items[index];
    if (range === null || item === undefined) return;
    const rect = deps.rectOf(range);
    if (rect === null) return;
    card ??= deps.createCard(doc, {
      onMore: () => {
        deps.openReport().catch((error: unknown) => log('could not open the report', error));
      },
      onStep: (direction) => step(direction),
      ...(deps.openTimeline !== undefined
        ? {
            onIncident: (incident: IncidentRef) => {
              deps.openTimeline?.(incident).catch((error: unknown) => log('could not open the timeline', error));
            },
          }
        : {}),
      ...(claims !== undefined
        ? {
            onSave: async () => (await savedOf(current, claims)) !== null,
            onAnnotate: async () => {
              const id = await savedOf(current, claims);
              if (id !== null) await claims.annotate(id);
              return id !== null;
            },
          }
        : {}),
    });
    current = index;
    const numbered = items.map((_, i) => i).filter((i) => visible(i) !== null);
    const position = `${numbered.indexOf(index) + 1} / ${numbered.length}`;
    const loading = item.counterStatements === undefined && item.allegation.counterStatements.length === 0;
    card.show(item.allegation, rect, { position, focus, loading, saved: isSaved(item, range) });
    if (!loading) return;
    const gen = generation;
    item.counterStatements = deps
      .counterStatements(index)
      .then((found) => {
        item.allegation = { ...item.allegation, counterStatements: found ?? [] };
      })
      .catch((error: unknown) => log('could not read the counter-statements', error))
      .then(() => {
        // Still the card on screen: show what came (or that nothing did).
        if (gen !== generation || current !== index || card === null || !card.isOpen()) return;
        const now = visible(index);
        const at = now === null ? null : deps.rectOf(now);
        if (at !== null && now !== null)
          card.show(item.allegation, at, { position, focus: false, loading: false, saved: isSaved(item, now) });
      });
  }

  function isSaved(item: Item, range: Range): boolean {
    return item.saved === true || claims?.savedId(range) != null;
  }

  /** The saved claim of allegation `index`: already saved, or saved now. */
  async function savedOf(index: number, actions: ClaimActions): Promise<string | null> {
    const item = items[index];
    const range = visible(index);
    if (item === undefined || range === null) return null;
    const id = actions.savedId(range);
    if (id !== null) return id;
    item.saving ??= actions.save(range).then((saved) => {
      item.saved = saved !== null;
      if (saved === null) item.saving = undefined;
      return saved;
    });
    return item.saving;
  }

  function flash(range: Range): void {
    painter?.flash(range);
    clearTimeout(flashTimer);
    flashTimer = setTimeout(() => painter?.flash(null), flashMs);
  }

  function reveal(index: number, focus: boolean): boolean {
    const range = visible(index);
    if (range === null) return false;
    const target = range.startContainer.parentElement;
    const still = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    target?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: still ? 'auto' : 'smooth' });
    flash(range);
    // Placed after scrolling, where the text now is.
    openCard(index, focus);
    return true;
  }

  function step(direction: 1 | -1): boolean {
    const order = items.map((_, i) => i).filter((i) => visible(i) !== null);
    if (order.length === 0) return false;
    const at = order.indexOf(current);
    const next =
      at === -1
        ? direction === 1
          ? (order[0] as number)
          : (order[order.length - 1] as number)
        : (order[(at + direction + order.length) % order.length] as number);
    return reveal(next, true);
  }

  function onClick(event: MouseEvent): void {
    // Only the reader's own clicks and keys: a page cannot open (or close) the card by dispatching them.
    if (!event.isTrusted || event.button !== 0 || !active) return;
    const target = event.target as Node | null;
    if (target !== null && card?.contains(target)) return;
    // Selecting text (to copy, to annotate) is not a request for the card.
    const selection = typeof win?.getSelection === 'function' ? win.getSelection() : null;
    if (selection && !selection.isCollapsed) return;
    const index = items.length > 0 ? deps.hitTest(doc, rangesInOrder(), event.clientX, event.clientY) : -1;
    if (index >= 0 && visible(index) !== null) openCard(index, false);
    else card?.hide();
  }

  function onKey(event: KeyboardEvent): void {
    if (event.isTrusted && event.key === 'Escape' && card?.isOpen()) card.hide();
  }

  function listen(): void {
    listening?.abort();
    listening = new AbortController();
    const options = { signal: listening.signal, passive: true };
    doc.addEventListener('click', onClick, options);
    doc.addEventListener('keydown', onKey, options);
  }

  return {
    get items() {
      return items;
    },
    get pending() {
      return pendingNodes.length;
    },
    async start() {
      if (active) return;
      active = true;
      generation++;
      listen();
      observe();
      await fullScan();
    },
    stop() {
      if (!active) return;
      active = false;
      generation++;
      clearTimeout(mutationTimer);
      clearTimeout(navigationTimer);
      clearTimeout(flashTimer);
      navigationTimer = undefined;
      observer?.disconnect();
      observer = null;
      pendingNodes = [];
      pruneAt = PRUNE_MIN;
      listening?.abort();
      listening = null;
      resetPaint();
      card?.destroy();
      card = null;
      base = 0;
      delete doc.documentElement.dataset[ATTR];
      delete doc.documentElement.dataset[UNANCHORED];
    },
    navigated() {
      if (!active) return;
      generation++;
      resetPaint();
      publish();
      pendingNodes = [];
      pruneAt = PRUNE_MIN;
      clearTimeout(mutationTimer);
      clearTimeout(navigationTimer);
      navigationTimer = setTimeout(() => {
        navigationTimer = undefined;
        void fullScan();
      }, navigationDelay);
    },
    handleMessage(message) {
      if (!active) return { ok: false };
      switch (message.type) {
        case 'reveal':
          return { ok: reveal(message.index, false) };
        case 'step':
          return { ok: step(message.direction) };
      }
    },
    idle() {
      return queue;
    },
  };
}
