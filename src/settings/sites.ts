/**
 * Per-site settings, read by the content script (through ./site-match and src/content/site-setting.ts), written by the popup
 * (writes) and the background (registers scripts for granted sites).
 * A "site" is a hostname without its leading `www.`; a setting for a site
 * covers its subdomains.
 */
import { storage } from 'wxt/utils/storage';
import { hostWithin } from './site-match';

export { builtinDomainOf, hostWithin, isSiteDisabled, siteOf, sitePermissionPattern } from './site-match';

/** Sites the user switched off (built-in or granted). Sorted, unique. */
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
