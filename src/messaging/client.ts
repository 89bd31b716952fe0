import { browser } from 'wxt/browser';
import type {
  ContentToBackground,
  GetTabReportResponse,
  PageToBackground,
  ScanResponse,
  ScanSentence,
} from './protocol';

type Protocol = ContentToBackground & PageToBackground;
type Request<K extends keyof Protocol> = Protocol[K]['request'];
type Response<K extends keyof Protocol> = Protocol[K]['response'];

/** The one typed door to the background; the type ties each request to its response. */
export function sendToBackground<K extends keyof Protocol>(message: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage(message) as Promise<Response<K>>;
}

export function sendScan(sentences: ScanSentence[]): Promise<ScanResponse> {
  return sendToBackground<'scan'>({ type: 'scan', sentences });
}

export function getTabReport(tabId: number): Promise<GetTabReportResponse> {
  return sendToBackground<'getTabReport'>({ type: 'getTabReport', tabId });
}
