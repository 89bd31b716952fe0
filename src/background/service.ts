import { inferAccusers, type MatchQuery } from '@core/match';
import { sliceSentences } from '@core/slice-sentences';
import type { Allegation, Segment } from '@core/types';
import { fail, JSON_LIMITS, parseJsonText } from '@src/messaging/boundary';
import {
  type GetCounterStatementsResponse,
  LIMITS,
  messageType,
  type PageToBackground,
  type ScanAllegation,
  type ScanMode,
  type ScanResponse,
  type TabReport,
  type Validation,
  validateExportAllRequest,
  validateExportPackRequest,
  validateGetCounterStatementsRequest,
  validateGetTabReportRequest,
  validateImportMispGalaxyRequest,
  validateImportPackRequest,
  validateListPacksRequest,
  validateLoadContentUiRequest,
  validateOpenReportRequest,
  validateRemovePackRequest,
  validateScanRequest,
} from '@src/messaging/protocol';
import { isSubscriptionMessageType } from '@src/messaging/subscription-protocol';
import {
  type OpenTimelineResponse,
  validateIncidentTimelineRequest,
  validateOpenTimelineRequest,
} from '@src/messaging/timeline-protocol';
import type { Badge } from './badge';
import { createDetectQueue, type DetectQueue, type SegmentDetector } from './detect-queue';
import type { Library } from './library';
import { createMatchBatch } from './matcher';
import { createMinuteBudget } from './minute-budget';
import { RejectedMessage } from './rejected';
import type { ReportStore } from './report-store';
import { createSavedService, isSavedMessageType, type SavedService } from './saved-service';
import type { SavedStore } from './saved-store';
import { handleSubscriptionMessage } from './subscription-service';
import type { Subscriptions } from './subscriptions';

/** What the service needs of the detector; the real one is `Detector` from `@core/detect`. */
export type { SegmentDetector } from './detect-queue';

/** The fields of `runtime.MessageSender` the checks rely on. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface Logger {
  warn(...args: unknown[]): void;
}

export interface BackgroundDeps {
  /** Called once, on the first scan: building the NLP lexicon is not free. */
  createDetector: () => SegmentDetector;
  /**
   * The candidate sentences of a slice of page text, offsets moved by
   * `offset`: segmentation and the prefilter (`sliceSentences`) by default;
   * tests of the budgets pass a plainer one.
   */
  sentencesOf?: (text: string, offset: number) => Segment[];
  reports: ReportStore;
  badge: Badge;
  /** Installed packs: counter-statements for scans, pack operations for extension pages. */
  library: Library;
  runtimeId: string;
  /** e.g. `chrome-extension://abc…` or `moz-extension://uuid`, no trailing slash. */
  extensionOrigin: string;
  log: Logger;
  now?: () => number;
  /** Opens the full report of a tab (popup.html?tab=ID) in a new tab, next to it. */
  openReport?: (tabId: number) => Promise<void>;
  /** Injects the content script's UI (CONTENT_UI_FILE) into the tab's top frame. */
  injectContentUi?: (tabId: number) => Promise<void>;
  /** Saved and annotated claims; without it, their messages are refused. */
  savedStore?: SavedStore;
  /** Tells a tab's content script that its page's saved claims changed. */
  notifyTab?: (tabId: number) => void;
  /** Opens the library's annotation form on a saved claim, next to the tab (from the card). */
  openAnnotator?: (tabId: number, claimId: string) => Promise<void>;
  /** Claim-pack subscriptions (the options page); without it their messages are refused. */
  subscriptions?: Subscriptions;
  /** Opens an installed incident's timeline page next to the tab (the card's incident link). */
  openTimeline?: (tabId: number, pack: string, id: string, date: string | undefined) => Promise<void>;
  /** Paints a tab's saved claims, injecting the content script where none runs (the popup opened there). */
  showSavedInTab?: (tabId: number) => Promise<boolean>;
  /** Tells the extension pages (the popup) that a tab's report changed, stored or not. */
  reportChanged?: (tabId: number) => void;
  /**
   * Shares the NLP between tabs (see detect-queue.ts), keeping each tab's
   * scans in order: the extension's hands them to the NLP host, or reads them
   * here after the data their languages take (nlp-host/host-queue.ts); a plain
   * queue with the defaults when not given.
   */
  detectQueue?: DetectQueue;
  /** Reads a `blob:` URL an extension page made (a pack file to import); `fetch` by default. */
  fetchBlob?: (url: string) => Promise<Blob>;
}

const defaultFetchBlob = async (url: string): Promise<Blob> => {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.blob();
};

export { RejectedMessage } from './rejected';

type PageType = keyof PageToBackground;
type PageRequest<K extends PageType> = PageToBackground[K]['request'];
type PageResponse<K extends PageType> = PageToBackground[K]['response'];
interface PageHandler<K extends PageType> {
  validate(x: unknown): Validation<PageRequest<K>>;
  run(request: PageRequest<K>): Promise<PageResponse<K>>;
}
type PageHandlers = { [K in PageType]: PageHandler<K> };

/** Counter-statements shown per allegation. */
export const COUNTER_STATEMENTS_PER_ALLEGATION = 5;

export interface BackgroundService {
  /**
   * Answers a runtime message. Returns undefined for messages that are not
   * ours (so other listeners may answer), a rejected promise for refused ones.
   */
  handleMessage(message: unknown, sender: Sender): Promise<unknown> | undefined;
  /** The tab shows another page: its report goes. */
  forgetTab(tabId: number): Promise<void>;
  /** The tab is closed: its report goes, and its scans still waiting are dropped. */
  closeTab(tabId: number): Promise<void>;
  /** Resolves once the tab's pending counter-statement lookups are stored (tests, and `getCounterStatements`). */
  settled(tabId: number): Promise<void>;
  /** Saved claims: the context-menu and keyboard saves go through here. */
  readonly saved: SavedService | null;
}

export function createBackgroundService(deps: BackgroundDeps): BackgroundService {
  let detector: SegmentDetector | undefined;
  const now = deps.now ?? Date.now;
  const sentencesOf =
    deps.sentencesOf ?? ((text: string, offset: number) => sliceSentences(text, offset, LIMITS.maxSentenceChars));
  const extensionPrefix = `${deps.extensionOrigin}/`;

  function reject(type: string, reason: string): Promise<never> {
    deps.log.warn(`[counterpoint] rejected "${type}" message: ${reason}`);
    return Promise.reject(new RejectedMessage(reason));
  }

  function isOwnExtensionPage(sender: Sender): boolean {
    // Content scripts share our id but report the page's URL; extension pages
    // (popup, or popup.html opened in a tab) report our own origin.
    return sender.id === deps.runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionPrefix);
  }

  /** The tab of a top-frame content script, or a reason to refuse its message. */
  function contentTab(sender: Sender): number | string {
    if (sender.id !== deps.runtimeId) return 'sender is not this extension';
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0) return 'sender is not a tab';
    if (sender.frameId !== undefined && sender.frameId !== 0) return 'sender is not a top frame';
    if (isOwnExtensionPage(sender)) return 'sender is an extension page, not a content script';
    return tabId;
  }

  async function openReport(message: unknown, sender: Sender): Promise<{ ok: boolean }> {
    const tabId = contentTab(sender);
    if (typeof tabId === 'string') return reject('openReport', tabId);
    const checked = validateOpenReportRequest(message);
    if (!checked.ok) return reject('openReport', checked.reason);
    if (deps.openReport === undefined) return { ok: false };
    await deps.openReport(tabId);
    return { ok: true };
  }

  /** Injects the content script's UI into the sender's tab (its top frame), once it needs it. */
  async function loadContentUi(message: unknown, sender: Sender): Promise<{ ok: boolean }> {
    const tabId = contentTab(sender);
    if (typeof tabId === 'string') return reject('loadContentUi', tabId);
    const checked = validateLoadContentUiRequest(message);
    if (!checked.ok) return reject('loadContentUi', checked.reason);
    if (deps.injectContentUi === undefined) return { ok: false };
    await deps.injectContentUi(tabId);
    return { ok: true };
  }

  /** Timeline tabs one page may open per minute from its card: a page cannot open tabs at will. */
  const TIMELINES_PER_MINUTE = 6;
  const timelinesOpened = new Map<number, number[]>();

  async function openTimeline(message: unknown, sender: Sender): Promise<OpenTimelineResponse> {
    const tabId = contentTab(sender);
    if (typeof tabId === 'string') return reject('openTimeline', tabId);
    const checked = validateOpenTimelineRequest(message);
    if (!checked.ok) return reject('openTimeline', checked.reason);
    const { pack, id, date } = checked.value;
    const t = now();
    const times = (timelinesOpened.get(tabId) ?? []).filter((x) => t - x < 60_000);
    if (times.length >= TIMELINES_PER_MINUTE) {
      timelinesOpened.set(tabId, times);
      return { ok: false, error: 'too many timeline tabs from this tab; try again in a minute' };
    }
    if ((await deps.library.incidentTimeline(pack, id)) === null) return { ok: false, error: 'no such incident' };
    timelinesOpened.set(tabId, [...times, t]);
    if (deps.openTimeline === undefined) return { ok: false, error: 'not available' };
    await deps.openTimeline(tabId, pack, id, date);
    return { ok: true };
  }

  /** Report writes of one tab, one after another (scans, appends and late counter-statements interleave). */
  const tabQueues = new Map<number, Promise<unknown>>();
  function onTab<T>(tabId: number, task: () => Promise<T>): Promise<T> {
    const run = (tabQueues.get(tabId) ?? Promise.resolve()).then(task, task);
    const settledRun = run.catch(() => {});
    tabQueues.set(tabId, settledRun);
    void settledRun.then(() => {
      if (tabQueues.get(tabId) === settledRun) tabQueues.delete(tabId);
    });
    return run;
  }

  /** Lookups still running per tab; `getCounterStatements` waits for them. */
  const lookups = new Map<number, Set<Promise<void>>>();
  let pageCounter = 0;
  const queue = deps.detectQueue ?? createDetectQueue();
  /** Characters of sentences read (or queued to be) for the tab's current page: its NLP budget. */
  const pageChars = new Map<number, number>();
  /** Scans of each tab received and not yet answered. */
  const inFlight = new Map<number, number>();
  /** Characters of sentences each tab had read (NLP) in the last minute. */
  const nlpMinute = createMinuteBudget(LIMITS.maxTabScanCharsPerMinute, now);
  /** Characters of page text each tab had segmented and prefiltered in the last minute. */
  const textMinute = createMinuteBudget(LIMITS.maxTabScanTextPerMinute, now);

  async function setReport(report: TabReport): Promise<void> {
    await deps.reports.set(report);
    deps.reportChanged?.(report.tabId);
  }

  /** A report that can take no more allegations: full, or read back in part after a restart (indexes would drift). */
  function closed(report: TabReport | null): boolean {
    if (report === null) return false;
    const part =
      report.restored !== undefined &&
      (report.restored.failed === true || report.allegations.length < report.restored.total);
    return report.allegations.length >= LIMITS.maxReportAllegations || part;
  }

  /**
   * The first sentences of a scan that the budgets let the NLP read: what is
   * left of the page's `LIMITS.maxPageScanChars` and of the tab's
   * `maxTabScanCharsPerMinute`; none once the report cannot grow.
   */
  function readable<T extends { text: string }>(tabId: number, sentences: readonly T[], open: boolean): T[] {
    if (!open) return [];
    const left = Math.min(LIMITS.maxPageScanChars - (pageChars.get(tabId) ?? 0), nlpMinute.left(tabId));
    let used = 0;
    let n = 0;
    while (n < sentences.length && used + (sentences[n] as T).text.length <= left) {
      used += (sentences[n] as T).text.length;
      n++;
    }
    pageChars.set(tabId, (pageChars.get(tabId) ?? 0) + used);
    nlpMinute.spend(tabId, used);
    return sentences.slice(0, n);
  }

  /** The part of `text` the tab's text budget lets the background segment (all of it, normally). */
  function segmentable(tabId: number, text: string): string {
    const left = textMinute.left(tabId);
    const taken = text.length <= left ? text : text.slice(0, Math.max(0, left));
    textMinute.spend(tabId, taken.length);
    return taken;
  }

  async function scan(message: unknown, sender: Sender): Promise<ScanResponse> {
    const tabId = contentTab(sender);
    if (typeof tabId === 'string') return reject('scan', tabId);
    const checked = validateScanRequest(message);
    if (!checked.ok) return reject('scan', checked.reason);

    const { text, offset, mode } = checked.value;
    const waiting = inFlight.get(tabId) ?? 0;
    if (waiting >= LIMITS.maxQueuedScans) {
      return reject('scan', `too many scans of this tab waiting (${LIMITS.maxQueuedScans})`);
    }
    inFlight.set(tabId, waiting + 1);
    try {
      if (mode === 'append') {
        // Asked again (the worker that read it stopped before its answer arrived): answered from the report.
        const report = await deps.reports.get(tabId);
        if (report?.readTo !== undefined && offset < report.readTo) {
          const end = offset + text.length;
          return {
            allegations: report.allegations.filter((a) => a.start >= offset && a.start < end),
          };
        }
      }
      // A page's first scan also says whether it has saved claims (looked up while the NLP reads).
      const pageUrl = sender.url ?? sender.tab?.url;
      const saved =
        mode === 'replace' && offset === 0 && deps.savedStore !== undefined && pageUrl !== undefined
          ? deps.savedStore.countForPage(pageUrl).then(
              (n) => n > 0,
              () => undefined,
            )
          : undefined;
      // Segmentation and the prefilter run here, off the page's thread: only candidates reach the NLP.
      const readableText = segmentable(tabId, text);
      const sentences = sentencesOf(readableText, offset);
      const cut = readableText.length < text.length ? 1 : 0;
      const answer = await scanChecked(tabId, sentences, mode, sender, offset + text.length, cut);
      const hasSaved = await saved;
      return hasSaved === undefined ? answer : { ...answer, saved: hasSaved };
    } finally {
      const left = (inFlight.get(tabId) ?? 1) - 1;
      if (left > 0) inFlight.set(tabId, left);
      else inFlight.delete(tabId);
    }
  }

  async function scanChecked(
    tabId: number,
    sentences: Segment[],
    mode: ScanMode,
    sender: Sender,
    readTo: number,
    cut: number,
  ): Promise<ScanResponse> {
    if (mode === 'replace') {
      // A new page: the old page's scans still waiting are for nothing shown any more.
      queue.cancel(tabId);
      pageChars.set(tabId, 0);
    }
    // Started before the NLP so the first scan after install waits as little as possible.
    const libraryReady = deps.library.ready();
    const open = mode === 'replace' || !closed(await deps.reports.get(tabId));
    const toRead = readable(tabId, sentences, open);
    let found: Allegation[] | null = [];
    if (toRead.length > 0) {
      found = await queue.run(tabId, toRead, () => {
        detector ??= deps.createDetector();
        return detector;
      });
    }
    // Dropped while waiting: a newer page replaced this one (its answer is ignored by the page).
    if (found === null) return { allegations: [] };
    const detected = found;
    const stored = await onTab(tabId, async () => {
      // An append extends the report of the same page; one for a tab with no report starts it.
      const previous = mode === 'append' ? await deps.reports.get(tabId) : null;
      // Past the cap, nothing more is reported (nor painted: the answer and the report stay aligned).
      const room = closed(previous)
        ? 0
        : Math.max(0, LIMITS.maxReportAllegations - (previous?.allegations.length ?? 0));
      const kept = detected.slice(0, room);
      // The page gets its allegations now, to paint them; their counter-statements follow.
      const allegations: ScanAllegation[] = kept.map((a) => ({ ...a, counterStatements: [] }));
      const page = previous?.page ?? `${now().toString(36)}-${(++pageCounter).toString(36)}`;
      const unread = (previous?.unread ?? 0) + (sentences.length - toRead.length) + cut;
      const report: TabReport = {
        tabId,
        page,
        matching: kept.length > 0 || previous?.matching === true,
        allegations: previous ? [...previous.allegations, ...allegations] : allegations,
        sentenceCount: (previous?.sentenceCount ?? 0) + sentences.length,
        scannedAt: now(),
        readTo: Math.max(readTo, previous?.readTo ?? 0),
      };
      if (unread > 0) report.unread = unread;
      if (previous?.restored !== undefined) report.restored = previous.restored;
      await setReport(report);
      // Not waited for: the page's answer does not depend on the toolbar (the report is kept first).
      deps.badge.setCount(tabId, report.allegations.length).catch((error: unknown) => {
        deps.log.warn('[counterpoint] badge update failed', error);
      });
      return { page, first: previous?.allegations.length ?? 0, allegations, kept };
    });
    const kept = stored.kept;
    if (kept.length > 0) {
      // The page address stays in the worker: it only keeps the page's own source out of its answers.
      const pageUrl = sender.url ?? sender.tab?.url;
      const lookup = libraryReady
        .then(() => withCounterStatements(kept, pageUrl))
        .then((answered) =>
          onTab(tabId, async () => {
            const report = await deps.reports.get(tabId);
            // The tab moved on to another page meanwhile: these answers are for nothing shown.
            if (report === null || report.page !== stored.page) return;
            answered.forEach((a, i) => {
              const slot = report.allegations[stored.first + i];
              if (slot !== undefined) slot.counterStatements = a.counterStatements;
            });
            const set = lookups.get(tabId);
            report.matching = set !== undefined && set.size > 1;
            await setReport(report);
          }),
        )
        .catch((error: unknown) => deps.log.warn('[counterpoint] counter-statement update failed', error))
        .finally(() => {
          const set = lookups.get(tabId);
          set?.delete(lookup);
          if (set?.size === 0) lookups.delete(tabId);
        });
      const set = lookups.get(tabId) ?? new Set<Promise<void>>();
      set.add(lookup);
      lookups.set(tabId, set);
    }
    return { allegations: stored.allegations };
  }

  /**
   * A pack file an extension page handed over as a `blob:` URL: only one of
   * this extension's own (a page cannot make one, and no other origin's is
   * read), at most the JSON limit, UTF-8, then JSON (parseJsonText).
   */
  async function readPackFile(url: string): Promise<Validation<unknown>> {
    if (!url.startsWith(`blob:${deps.extensionOrigin}/`)) return fail('file: not a file of this extension');
    let blob: Blob;
    try {
      blob = await (deps.fetchBlob ?? defaultFetchBlob)(url);
    } catch (error) {
      return fail(`file: could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
    if (blob.size > JSON_LIMITS.maxJsonChars) return fail(`file: larger than ${JSON_LIMITS.maxJsonChars} bytes`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await blob.arrayBuffer());
    } catch {
      return fail('file: not UTF-8 text');
    }
    return parseJsonText(text, 'file');
  }

  async function counterStatementsOf(message: unknown, sender: Sender): Promise<GetCounterStatementsResponse> {
    const tabId = contentTab(sender);
    if (typeof tabId === 'string') return reject('getCounterStatements', tabId);
    const checked = validateGetCounterStatementsRequest(message);
    if (!checked.ok) return reject('getCounterStatements', checked.reason);
    await settled(tabId);
    const report = await deps.reports.get(tabId);
    return { counterStatements: report?.allegations[checked.value.index]?.counterStatements ?? null };
  }

  /** Resolves once the tab's counter-statement lookups have been written to its report. */
  async function settled(tabId: number): Promise<void> {
    for (let set = lookups.get(tabId); set !== undefined && set.size > 0; set = lookups.get(tabId)) {
      await Promise.all(set);
    }
    await tabQueues.get(tabId);
  }

  async function withCounterStatements(found: Allegation[], pageUrl: string | undefined): Promise<ScanAllegation[]> {
    // A sentence without an accuser is matched as the page's other allegations against the same accused.
    const accusers = inferAccusers(found);
    // Looked up together: each lookup mostly waits on IndexedDB, which serves them side by side,
    // and rows that several allegations need are read once.
    const batch = createMatchBatch();
    return Promise.all(
      found.map(async (a, i): Promise<ScanAllegation> => {
        const query: MatchQuery = {
          text: a.text,
          stance: a.stance,
          accused: a.accused,
          accuser: accusers[i] ?? a.accuser,
          action: a.action,
        };
        if (pageUrl !== undefined) query.pageUrl = pageUrl;
        let counterStatements: ScanAllegation['counterStatements'] = [];
        try {
          counterStatements = await deps.library.counterStatements(query, COUNTER_STATEMENTS_PER_ALLEGATION, batch);
        } catch (error) {
          // A database failure must not hide what was found on the page.
          deps.log.warn('[counterpoint] counter-statement lookup failed', error);
        }
        return { ...a, counterStatements };
      }),
    );
  }

  /** What each extension-page request does once its sender and payload are checked; typed by the protocol map. */
  const pageHandlers: PageHandlers = {
    getTabReport: {
      validate: validateGetTabReportRequest,
      run: async (r) => ({ report: await deps.reports.get(r.tabId) }),
    },
    listPacks: { validate: validateListPacksRequest, run: async () => ({ packs: await deps.library.listPacks() }) },
    importPack: {
      validate: validateImportPackRequest,
      run: (r) => {
        if (r.file === undefined) return deps.library.importPack(r.json);
        return readPackFile(r.file).then((read) => {
          if (!read.ok) return { ok: false as const, error: read.reason, issues: [read.reason] };
          return deps.library.importPack(read.value);
        });
      },
    },
    exportPack: {
      validate: validateExportPackRequest,
      run: async (r) => ({ pack: (await deps.library.exportPack(r.id)) ?? null }),
    },
    exportAll: { validate: validateExportAllRequest, run: () => deps.library.exportAll() },
    removePack: { validate: validateRemovePackRequest, run: (r) => deps.library.removePack(r.id) },
    importMispGalaxy: { validate: validateImportMispGalaxyRequest, run: (r) => deps.library.importMispGalaxy(r.json) },
    incidentTimeline: {
      validate: validateIncidentTimelineRequest,
      run: async (r) => ({ timeline: await deps.library.incidentTimeline(r.pack, r.id) }),
    },
  };

  function isPageType(type: string | null): type is PageType {
    return type !== null && Object.hasOwn(pageHandlers, type);
  }

  function fromPage<K extends PageType>(type: K, message: unknown, sender: Sender): Promise<PageResponse<K>> {
    if (!isOwnExtensionPage(sender)) return reject(type, 'sender is not an extension page');
    const handler: PageHandler<K> = pageHandlers[type];
    const checked = handler.validate(message);
    if (!checked.ok) return reject(type, checked.reason);
    return handler.run(checked.value);
  }

  const saved =
    deps.savedStore === undefined
      ? null
      : createSavedService({
          store: deps.savedStore,
          library: deps.library,
          log: deps.log,
          now,
          ...(deps.notifyTab !== undefined ? { notifyTab: deps.notifyTab } : {}),
          ...(deps.openAnnotator !== undefined ? { openAnnotator: deps.openAnnotator } : {}),
          ...(deps.showSavedInTab !== undefined ? { showSavedInTab: deps.showSavedInTab } : {}),
          checks: {
            contentTab: (s) => contentTab(s as Sender),
            pageUrlOf: (s) => (s as Sender).url ?? (s as Sender).tab?.url,
            isOwnExtensionPage: (s) => isOwnExtensionPage(s as Sender),
          },
        });

  return {
    saved,
    handleMessage(message, sender) {
      const type = messageType(message);
      switch (type) {
        case 'scan':
          return scan(message, sender);
        case 'openReport':
          return openReport(message, sender);
        case 'loadContentUi':
          return loadContentUi(message, sender);
        case 'openTimeline':
          return openTimeline(message, sender);
        case 'getCounterStatements':
          return counterStatementsOf(message, sender);
        default: {
          if (isPageType(type)) return fromPage(type, message, sender);
          if (isSavedMessageType(type)) {
            if (saved === null) return reject(type, 'saved claims are not available');
            return saved.handle(type, message, sender);
          }
          if (isSubscriptionMessageType(type)) {
            if (!isOwnExtensionPage(sender)) return reject(type, 'sender is not an extension page');
            if (deps.subscriptions === undefined) return reject(type, 'subscriptions are not available');
            return handleSubscriptionMessage(deps.subscriptions, type, message, (reason) => reject(type, reason));
          }
          deps.log.warn(`[counterpoint] ignored message of unknown type ${JSON.stringify(type)}`);
          return undefined;
        }
      }
    },
    settled,
    async forgetTab(tabId) {
      // Not its waiting scans: the page that replaces this one (an SPA's too) may have sent one already.
      pageChars.delete(tabId);
      await deps.reports.delete(tabId);
      deps.reportChanged?.(tabId);
    },
    async closeTab(tabId) {
      queue.cancel(tabId);
      pageChars.delete(tabId);
      nlpMinute.forget(tabId);
      textMinute.forget(tabId);
      await deps.reports.delete(tabId);
    },
  };
}
