/**
 * Sites and addresses, pure: what a site is, and whether a list switches it
 * off. The content script imports this module alone (src/settings/sites.ts
 * adds the stored setting through WXT's storage layer, a tenth of the
 * content script's size budget).
 * A "site" is a hostname without its leading `www.`; a setting for a site
 * covers its subdomains.
 */
import { NEWS_SITE_DOMAINS } from '@src/content/sites';

/** The site of an http(s) address, or null (extension pages, file:, about:, data:). */
export function siteOf(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const host = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return null;
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** True when `host` is `domain` or one of its subdomains. */
export function hostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The built-in domain covering `site`, or null. */
export function builtinDomainOf(site: string): string | null {
  return NEWS_SITE_DOMAINS.find((d) => hostWithin(site, d)) ?? null;
}

/** Whether a disabled-sites list switches `site` off (an entry covers its subdomains). */
export function isSiteDisabled(site: string, disabled: readonly string[]): boolean {
  // Stored data: anything but a list of names switches nothing off.
  return Array.isArray(disabled) && disabled.some((d) => typeof d === 'string' && hostWithin(site, d));
}

/** Match pattern of the optional host permission for one site (and its subdomains). */
export function sitePermissionPattern(site: string): string {
  return `*://*.${site}/*`;
}
