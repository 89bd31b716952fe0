import { installContentUi } from '@src/content/ui';
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from '#imports';

// Injected by the background into a page whose content script needs its UI (src/content/ui.ts).
export default defineUnlistedScript(() => {
  installContentUi(globalThis as unknown as Record<string, unknown>, browser.runtime.getManifest().version);
});
