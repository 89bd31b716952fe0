import { browser } from 'wxt/browser';
import type {
  ContentToBackground,
  ExportAllResponse,
  ExportPackResponse,
  ExtensionToContent,
  GetCounterStatementsResponse,
  GetTabReportResponse,
  ImportMispGalaxyResponse,
  ImportPackResponse,
  ListPacksResponse,
  OpenReportResponse,
  PageToBackground,
  RemovePackResponse,
  ScanMode,
  ScanResponse,
} from './protocol';
import type { SavedMessage, SavedMessageType, SavedResponses } from './saved-protocol';
import type { SubscriptionMessage, SubscriptionMessageType, SubscriptionResponses } from './subscription-protocol';
import type { OpenTimelineResponse } from './timeline-protocol';

type SavedProtocol = {
  [K in SavedMessageType]: { request: SavedMessage<K>; response: SavedResponses[K] };
};
type SubscriptionProtocol = {
  [K in SubscriptionMessageType]: { request: SubscriptionMessage<K>; response: SubscriptionResponses[K] };
};
type Protocol = ContentToBackground & PageToBackground & SavedProtocol & SubscriptionProtocol;
type Request<K extends keyof Protocol> = Protocol[K]['request'];
type Response<K extends keyof Protocol> = Protocol[K]['response'];

/** The one typed door to the background; the type ties each request to its response. */
export function sendToBackground<K extends keyof Protocol>(message: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage(message) as Promise<Response<K>>;
}

/**
 * The typed door to a tab's content script (top frame): `reveal`, `step`.
 * Resolves to undefined when no content script answers.
 */
export function sendToContent<K extends keyof ExtensionToContent>(
  tabId: number,
  message: ExtensionToContent[K]['request'],
): Promise<ExtensionToContent[K]['response'] | undefined> {
  return browser.tabs.sendMessage(tabId, message, { frameId: 0 }) as Promise<
    ExtensionToContent[K]['response'] | undefined
  >;
}

export function sendScan(slice: { text: string; offset: number }, mode: ScanMode = 'replace'): Promise<ScanResponse> {
  return sendToBackground<'scan'>({ type: 'scan', mode, offset: slice.offset, text: slice.text });
}

/** The counter-statements of allegation `index` of this tab's report (waits for the lookup). */
export function getCounterStatements(index: number): Promise<GetCounterStatementsResponse> {
  return sendToBackground<'getCounterStatements'>({ type: 'getCounterStatements', index });
}

/** From the page's card: open the tab's full report. */
export function openReport(): Promise<OpenReportResponse> {
  return sendToBackground<'openReport'>({ type: 'openReport' });
}

/** From the card's incident link: open that incident's timeline page; `date` places the page's allegation on it. */
export function openTimeline(pack: string, id: string, date: string | undefined): Promise<OpenTimelineResponse> {
  return sendToBackground<'openTimeline'>({ type: 'openTimeline', pack, id, ...(date !== undefined ? { date } : {}) });
}

export function getTabReport(tabId: number): Promise<GetTabReportResponse> {
  return sendToBackground<'getTabReport'>({ type: 'getTabReport', tabId });
}

// Extension pages only: the background refuses these from content scripts.

export function listPacks(): Promise<ListPacksResponse> {
  return sendToBackground<'listPacks'>({ type: 'listPacks' });
}

/** `json` is the parsed pack file. */
export function importPackFile(json: unknown): Promise<ImportPackResponse> {
  return sendToBackground<'importPack'>({ type: 'importPack', json });
}

/**
 * A pack file, handed to the background as a `blob:` URL it reads itself
 * (revoked once it answered): a large file never crosses the message channel.
 */
export async function importPackBlob(file: Blob): Promise<ImportPackResponse> {
  const url = URL.createObjectURL(file);
  try {
    return await sendToBackground<'importPack'>({ type: 'importPack', file: url });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function exportPack(id: string): Promise<ExportPackResponse> {
  return sendToBackground<'exportPack'>({ type: 'exportPack', id });
}

export function exportAll(): Promise<ExportAllResponse> {
  return sendToBackground<'exportAll'>({ type: 'exportAll' });
}

export function removePack(id: string): Promise<RemovePackResponse> {
  return sendToBackground<'removePack'>({ type: 'removePack', id });
}

/** `json` is the parsed MISP clusters/threat-actor.json. */
export function importMispGalaxy(json: unknown): Promise<ImportMispGalaxyResponse> {
  return sendToBackground<'importMispGalaxy'>({ type: 'importMispGalaxy', json });
}
