import type { Allegation, Segment } from '@core/types';
import {
  type GetTabReportResponse,
  messageType,
  type ScanResponse,
  type TabReport,
  validateGetTabReportRequest,
  validateScanRequest,
} from '@src/messaging/protocol';
import type { Badge } from './badge';
import type { ReportStore } from './report-store';

/** What the service needs of the detector; the real one is `Detector` from `@core/detect`. */
export interface SegmentDetector {
  detectSegments(segments: Segment[]): Allegation[];
}

/** The fields of `runtime.MessageSender` the checks rely on. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface Logger {
  warn(...args: unknown[]): void;
}

export interface BackgroundDeps {
  /** Called once, on the first scan: building the NLP lexicon is not free. */
  createDetector: () => SegmentDetector;
  reports: ReportStore;
  badge: Badge;
  runtimeId: string;
  /** e.g. `chrome-extension://abc…` or `moz-extension://uuid`, no trailing slash. */
  extensionOrigin: string;
  log: Logger;
  now?: () => number;
}

export class RejectedMessage extends Error {
  override name = 'RejectedMessage';
}

export interface BackgroundService {
  /**
   * Answers a runtime message. Returns undefined for messages that are not
   * ours (so other listeners may answer), a rejected promise for refused ones.
   */
  handleMessage(message: unknown, sender: Sender): Promise<unknown> | undefined;
  forgetTab(tabId: number): Promise<void>;
}

export function createBackgroundService(deps: BackgroundDeps): BackgroundService {
  let detector: SegmentDetector | undefined;
  const now = deps.now ?? Date.now;
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

  async function scan(message: unknown, sender: Sender): Promise<ScanResponse> {
    if (sender.id !== deps.runtimeId) return reject('scan', 'sender is not this extension');
    const tabId = sender.tab?.id;
    if (typeof tabId !== 'number' || tabId < 0) return reject('scan', 'sender is not a tab');
    if (sender.frameId !== undefined && sender.frameId !== 0) return reject('scan', 'sender is not a top frame');
    if (isOwnExtensionPage(sender)) return reject('scan', 'sender is an extension page, not a content script');
    const checked = validateScanRequest(message);
    if (!checked.ok) return reject('scan', checked.reason);

    const { sentences } = checked.value;
    let allegations: Allegation[] = [];
    if (sentences.length > 0) {
      detector ??= deps.createDetector();
      allegations = detector.detectSegments(sentences);
    }
    const report: TabReport = { tabId, allegations, sentenceCount: sentences.length, scannedAt: now() };
    await deps.reports.set(report);
    await deps.badge.setCount(tabId, allegations.length);
    return { allegations };
  }

  async function getTabReport(message: unknown, sender: Sender): Promise<GetTabReportResponse> {
    if (!isOwnExtensionPage(sender)) return reject('getTabReport', 'sender is not an extension page');
    const checked = validateGetTabReportRequest(message);
    if (!checked.ok) return reject('getTabReport', checked.reason);
    return { report: await deps.reports.get(checked.value.tabId) };
  }

  return {
    handleMessage(message, sender) {
      const type = messageType(message);
      switch (type) {
        case 'scan':
          return scan(message, sender);
        case 'getTabReport':
          return getTabReport(message, sender);
        default:
          deps.log.warn(`[counterpoint] ignored message of unknown type ${JSON.stringify(type)}`);
          return undefined;
      }
    },
    async forgetTab(tabId) {
      await deps.reports.delete(tabId);
    },
  };
}
