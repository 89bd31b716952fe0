/**
 * Built-in news sites: the content script runs on these (and their
 * subdomains) without asking. The one list to extend; the manifest's
 * content-script matches and host permissions are generated from it.
 */
export const NEWS_SITE_DOMAINS: readonly string[] = [
  // French-language: France
  'lemonde.fr',
  'lefigaro.fr',
  'liberation.fr',
  'francetvinfo.fr',
  'rfi.fr',
  'france24.com',
  'lexpress.fr',
  'lepoint.fr',
  'ouest-france.fr',
  '20minutes.fr',
  // French-language: Belgium, Switzerland, Canada
  'lesoir.be',
  'rtbf.be',
  'rtl.be',
  'lalibre.be',
  'levif.be',
  'dhnet.be',
  'lecho.be',
  'rts.ch',
  'letemps.ch',
  'radio-canada.ca',
  'ledevoir.com',
  // English-language
  'reuters.com',
  'apnews.com',
  'bbc.com',
  'bbc.co.uk',
  'theguardian.com',
  'nytimes.com',
  'washingtonpost.com',
  'politico.eu',
  'politico.com',
  'euronews.com',
  'ft.com',
  'economist.com',
  'aljazeera.com',
  'cnn.com',
  'npr.org',
  'theregister.com',
  'therecord.media',
  'bleepingcomputer.com',
  // State media of accused parties (their side of the story)
  'news.cn',
  'xinhuanet.com',
  'globaltimes.cn',
  'chinadaily.com.cn',
  'cgtn.com',
  'rt.com',
  'tass.com',
];

/**
 * The content script in the build (entrypoints/content.ts), for injecting it
 * ("Scan this page") and registering it on granted sites; paths are relative
 * to the extension's root in both APIs.
 */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

/**
 * Set (in the extension's isolated world, which the page cannot reach) just
 * before the content script is injected on a page whose site is not switched
 * on, for a save or the toolbar button: that instance finds and paints the
 * page's saved claims and saves selections, but scans nothing. Read once, then
 * deleted.
 */
export const SAVED_ONLY_FLAG = '__counterpointSavedOnly';

/** Match pattern for a domain and all its subdomains (`*.` also matches the bare domain). */
export function domainPattern(domain: string): string {
  return `*://*.${domain}/*`;
}

export const NEWS_SITE_MATCHES: readonly string[] = NEWS_SITE_DOMAINS.map(domainPattern);
