import { startContentScript } from '@src/content';
import { NEWS_SITE_MATCHES } from '@src/content/sites';
import { defineContentScript } from '#imports';

export default defineContentScript({
  matches: [...NEWS_SITE_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startContentScript(ctx);
  },
});
