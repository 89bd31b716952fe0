import { startContentScript } from '@src/content';
import { NEWS_SITE_MATCHES } from '@src/content/sites';
import { defineContentScript } from '#imports';

export default defineContentScript({
  matches: [...NEWS_SITE_MATCHES],
  // As soon as the document is parsed (DOMContentLoaded): highlights within 150 ms of it. Text the
  // page adds later is read as it comes (MutationObserver).
  runAt: 'document_end',
  // WXT would post its script-started event (with its full name) to the page, which could replay it.
  noScriptStartedPostMessage: true,
  // WXT's context is left unused: a page that knows the extension's id can invalidate it (see src/content/lifetime.ts).
  main() {
    startContentScript();
  },
});
