/**
 * Per-site settings, shared by the content script (reads), the popup
 * (writes) and the background (registers scripts for granted sites).
 * A "site" is a hostname without its leading `www.`; a setting for a site
 * covers its subdomains.
 */
import { NEWS_SITE_DOMAINS } from '@src/content/sites';
import { storage } from 'wxt/utils/storage';

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

/** Sites the user switched off (built-in or granted). Sorted, unique. */
// Pure: the content script imports this module's functions without WXT's storage layer (src/content/site-setting.ts).
export const disabledSites = /* @__PURE__ */ storage.defineItem<string[]>('local:disabledSites', {
  fallback: [],
  version: 1,
});

function normalise(list: readonly string[]): string[] {
  return [...new Set(list.filter((s) => typeof s === 'string' && s.length > 0))].sort();
}

/** Switches a site on or off; turning a site on also clears entries of its parent domains. */
export async function setSiteDisabled(site: string, disabled: boolean): Promise<string[]> {
  const current = await disabledSites.getValue();
  const next = disabled
    ? normalise([...current, site])
    : normalise(current.filter((d) => !hostWithin(site, d) && !hostWithin(d, site)));
  await disabledSites.setValue(next);
  return next;
}
