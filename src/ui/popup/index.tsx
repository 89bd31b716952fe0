import { getTabReport } from '@src/messaging/client';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from './Popup';
import { resolveTabId } from './tab';
import './popup.css';

async function activeTabId(): Promise<number | undefined> {
  // No "tabs" permission needed: only the id is read.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadReport() {
  const tabId = await resolveTabId(location.search, activeTabId);
  if (tabId === null) return null;
  return (await getTabReport(tabId)).report;
}

export function mountPopup(root: HTMLElement): void {
  render(<Popup load={loadReport} />, root);
}
