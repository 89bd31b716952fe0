/**
 * Built-in news sites the content script runs on (manifest match patterns).
 * The one list to extend; the manifest is generated from it.
 */
export const NEWS_SITE_MATCHES: readonly string[] = [
  '*://*.lemonde.fr/*',
  '*://*.lesoir.be/*',
  '*://*.xinhuanet.com/*',
  '*://*.news.cn/*',
  '*://*.reuters.com/*',
  '*://*.bbc.com/*',
  '*://*.theguardian.com/*',
];
