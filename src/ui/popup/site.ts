/**
 * The popup's per-site switch: whether Counterpoint runs on the current
 * tab's site, and turning it on or off. Browser calls go through `SiteAccess`
 * so the logic can be tested without a browser.
 */
import { builtinDomainOf, isSiteDisabled, siteOf, sitePermissionPattern } from '@src/settings/sites';

export interface SiteAccess {
  /** Whether the optional host permission for `origin` (a match pattern) is granted. */
  hasPermission(origin: string): Promise<boolean>;
  /**
   * Asks the user for the optional host permission. Browsers grant the
   * request only during a user gesture: call it synchronously from the event
   * handler, before any await.
   */
  requestPermission(origin: string): Promise<boolean>;
  disabledSites(): Promise<string[]>;
  setSiteDisabled(site: string, disabled: boolean): Promise<unknown>;
}

export interface SiteState {
  /** Hostname without `www.` ("lesoir.be"). */
  site: string;
  /** One of the built-in news sites (or a subdomain of one). */
  builtin: boolean;
  /** The optional host permission for the site is granted. */
  granted: boolean;
  /** The user switched the site (or a parent domain) off. */
  disabled: boolean;
}

/** On when Counterpoint may run on the site (built in or granted) and the user has not switched it off. */
export function siteEnabled(state: SiteState): boolean {
  return (state.builtin || state.granted) && !state.disabled;
}

/** The pure part: a site's state from what the browser says. */
export function siteState(site: string, granted: boolean, disabled: readonly string[]): SiteState {
  return { site, builtin: builtinDomainOf(site) !== null, granted, disabled: isSiteDisabled(site, disabled) };
}

/** The state of the site of `url`, or null when the address is unknown or not a web page. */
export async function readSiteState(url: string | undefined, access: SiteAccess): Promise<SiteState | null> {
  const site = siteOf(url);
  if (site === null) return null;
  const builtin = builtinDomainOf(site) !== null;
  const [granted, disabled] = await Promise.all([
    builtin ? Promise.resolve(false) : access.hasPermission(sitePermissionPattern(site)),
    access.disabledSites(),
  ]);
  return siteState(site, granted, disabled);
}

export type SwitchResult = { ok: true; state: SiteState } | { ok: false; reason: 'denied' };

/**
 * Turns Counterpoint on or off on a site. Turning a non-built-in site on
 * without its permission asks for it first, synchronously (this function is
 * not async so that the request happens before it returns, inside the
 * caller's user gesture); a refusal leaves everything as it was.
 */
export function switchSite(state: SiteState, on: boolean, access: SiteAccess): Promise<SwitchResult> {
  const needsPermission = on && !state.builtin && !state.granted;
  const permission = needsPermission
    ? access.requestPermission(sitePermissionPattern(state.site))
    : Promise.resolve(state.granted);
  return (async (): Promise<SwitchResult> => {
    const granted = await permission;
    if (needsPermission && !granted) return { ok: false, reason: 'denied' };
    await access.setSiteDisabled(state.site, !on);
    return { ok: true, state: { ...state, granted, disabled: !on } };
  })();
}
