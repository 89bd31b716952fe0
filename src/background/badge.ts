import { browser } from 'wxt/browser';

/** Shows a per-tab count on the toolbar button. */
export interface Badge {
  setCount(tabId: number, count: number): Promise<void>;
}

const BADGE_COLOR = '#b3261e';

/** `action` in MV3 (Chrome), `browserAction` in MV2 (Firefox build). */
function toolbarButton(): typeof browser.action | undefined {
  const b = browser as unknown as { action?: typeof browser.action; browserAction?: typeof browser.action };
  return b.action ?? b.browserAction;
}

export function createBadge(onError: (error: unknown) => void = () => {}): Badge {
  const button = toolbarButton();
  let colored = false;
  return {
    async setCount(tabId, count) {
      if (!button) return;
      try {
        if (!colored) {
          colored = true;
          await button.setBadgeBackgroundColor({ color: BADGE_COLOR });
        }
        // An empty badge says "nothing found" more quietly than a "0".
        await button.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
      } catch (error) {
        // The tab may have closed between the scan and the badge update.
        onError(error);
      }
    },
  };
}
