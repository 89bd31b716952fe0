/**
 * Claim-pack subscriptions, the pure part: which addresses may be subscribed
 * to, when a subscription is due, and whether a fetched pack may replace the
 * installed one. Like filter-list subscriptions in content blockers, a
 * subscription never breaks the database: anything doubtful keeps the
 * previous version and says why.
 */

export const SUBSCRIPTION_LIMITS = {
  /** The largest pack body read (bytes). */
  maxBytes: 50 * 1024 * 1024,
  /** How long one fetch may take. */
  timeoutMs: 60_000,
  /** Checked at most this often, whatever the pack asks… */
  minIntervalHours: 6,
  /** …and at least this often. */
  maxIntervalHours: 14 * 24,
  defaultIntervalHours: 24,
  /** An update that keeps fewer than this share of the installed statements is held back (a truncated or emptied file). */
  minShareKept: 0.5,
  /** Below this many installed statements, any size of update is accepted. */
  shrinkCheckFrom: 20,
  maxSubscriptions: 50,
  maxUrlLength: 2048,
} as const;

export type SubscriptionStatus = 'pending' | 'updated' | 'unchanged' | 'error';

export interface Subscription {
  /** The pack's address, as normalised by `normaliseSubscriptionUrl`; `builtin:<pack id>` for a built-in one. */
  url: string;
  /**
   * A built-in subscription (the seed pack): its source is the copy bundled
   * with the extension, never fetched; it is checked when the extension starts
   * (so an extension update brings its new version) and cannot be unsubscribed.
   */
  builtin?: boolean;
  /** The pack this address installed (null until the first successful fetch). */
  packId: string | null;
  /** ISO time of the subscription. */
  addedAt: string;
  /** ISO time of the last attempt, successful or not. */
  checkedAt: string | null;
  /** ISO time of the last change to the installed pack. */
  updatedAt: string | null;
  status: SubscriptionStatus;
  /** Why the last attempt changed nothing (status "error"): the previous version stays. */
  error: string | null;
  /** Conditional-request validators from the last successful fetch. */
  etag: string | null;
  lastModified: string | null;
  version: number | null;
  claims: number | null;
  /** Hours between checks: the pack's own `updateIntervalHours`, bounded; the default otherwise. */
  intervalHours: number;
}

/** The address of a built-in subscription: not a network address (`normaliseSubscriptionUrl` refuses it). */
export function builtinSubscriptionUrl(packId: string): string {
  return `builtin:${packId}`;
}

/** A subscription as first recorded, before its first check. */
export function newSubscription(url: string, at: string, builtin = false): Subscription {
  return {
    url,
    ...(builtin ? { builtin: true } : {}),
    packId: null,
    addedAt: at,
    checkedAt: null,
    updatedAt: null,
    status: 'pending',
    error: null,
    etag: null,
    lastModified: null,
    version: null,
    claims: null,
    intervalHours: SUBSCRIPTION_LIMITS.defaultIntervalHours,
  };
}

/** An address a pack may be subscribed from: https (http only on this machine), no credentials, no fragment. */
export function normaliseSubscriptionUrl(input: string): { ok: true; url: string } | { ok: false; error: string } {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'enter the address of a claim pack (https://…)' };
  if (text.length > SUBSCRIPTION_LIMITS.maxUrlLength)
    return { ok: false, error: `the address is longer than ${SUBSCRIPTION_LIMITS.maxUrlLength} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `not an address: ${text.slice(0, 80)}` };
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    return { ok: false, error: 'only https:// addresses can be subscribed to (http:// on this machine only)' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, error: 'an address with a user name or password cannot be subscribed to' };
  url.hash = '';
  return { ok: true, url: url.href };
}

/** The host-permission match pattern of a subscription's origin (asked for at subscribe time). */
export function originPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.hostname}/*`;
}

/** The pack's own update interval, bounded; the default when it states none (or nonsense). */
export function boundedInterval(hours: unknown): number {
  if (typeof hours !== 'number' || !Number.isFinite(hours)) return SUBSCRIPTION_LIMITS.defaultIntervalHours;
  return Math.min(SUBSCRIPTION_LIMITS.maxIntervalHours, Math.max(SUBSCRIPTION_LIMITS.minIntervalHours, hours));
}

/** Whether a subscription should be checked at `now` (ms). */
export function isDue(sub: Pick<Subscription, 'checkedAt' | 'intervalHours' | 'status'>, now: number): boolean {
  if (sub.checkedAt === null) return true;
  const last = Date.parse(sub.checkedAt);
  if (Number.isNaN(last) || last > now) return true;
  // After a failure, try again sooner (an hour), still never more often than the minimum for successes.
  const hours = sub.status === 'error' ? 1 : sub.intervalHours;
  return now - last >= hours * 3_600_000;
}

export interface InstalledPack {
  id: string;
  version: number;
  claims: number;
  /** Where it was installed from. */
  source: { kind: 'builtin' | 'url' | 'file'; url?: string };
  /** ISO time it was installed (or last replaced). */
  installedAt?: string;
}

export type UpdateDecision = { action: 'install' } | { action: 'unchanged' } | { action: 'refuse'; reason: string };

/**
 * Whether a fetched (valid) pack may replace what is installed: the same pack
 * id as before, never a built-in or another source's pack, never an older
 * version, and never a sudden loss of most statements. A built-in
 * subscription only replaces the built-in pack, never an older version; it is
 * exempt from the shrink rule alone, which guards against files truncated in
 * transit: the bundled copy ships inside the extension package, and a new
 * release may well cut its pack down.
 */
export function decideUpdate(
  sub: Pick<Subscription, 'url' | 'packId' | 'builtin'>,
  fetched: { id: string; version: number; claims: number },
  installed: InstalledPack | undefined,
): UpdateDecision {
  if (sub.builtin === true) return decideBuiltinUpdate(sub, fetched, installed);
  if (sub.packId !== null && fetched.id !== sub.packId) return changedId(sub.packId, fetched.id);
  if (installed !== undefined) {
    if (installed.source.kind === 'builtin')
      return { action: 'refuse', reason: `"${fetched.id}" is the built-in pack's id` };
    if (installed.source.kind !== 'url' || installed.source.url !== sub.url)
      return {
        action: 'refuse',
        reason: `a pack "${fetched.id}" is already installed from ${installed.source.kind === 'file' ? 'a file' : installed.source.url}; remove it first`,
      };
    if (fetched.version === installed.version) return { action: 'unchanged' };
    if (fetched.version < installed.version)
      return {
        action: 'refuse',
        reason: `version ${fetched.version} is older than the installed version ${installed.version}`,
      };
    if (
      installed.claims >= SUBSCRIPTION_LIMITS.shrinkCheckFrom &&
      fetched.claims < installed.claims * SUBSCRIPTION_LIMITS.minShareKept
    )
      return {
        action: 'refuse',
        reason: `version ${fetched.version} has ${fetched.claims} statements where ${installed.claims} are installed; kept the installed version (a truncated file?)`,
      };
  }
  return { action: 'install' };
}

function changedId(was: string, now: string): UpdateDecision {
  return { action: 'refuse', reason: `the pack at this address changed its id from "${was}" to "${now}"` };
}

/**
 * `decideUpdate` for a built-in subscription, which needs only the bundled
 * copy's id and version (its statements are read only to install it).
 */
export function decideBuiltinUpdate(
  sub: Pick<Subscription, 'packId'>,
  bundled: { id: string; version: number },
  installed: InstalledPack | undefined,
): UpdateDecision {
  if (sub.packId !== null && bundled.id !== sub.packId) return changedId(sub.packId, bundled.id);
  return decideBuiltin(bundled, installed);
}

function decideBuiltin(bundled: { id: string; version: number }, installed: InstalledPack | undefined): UpdateDecision {
  if (installed === undefined) return { action: 'install' };
  if (installed.source.kind !== 'builtin')
    return {
      action: 'refuse',
      reason: `a pack "${bundled.id}" is installed from ${installed.source.kind === 'file' ? 'a file' : installed.source.url}, not the extension`,
    };
  if (bundled.version === installed.version) return { action: 'unchanged' };
  if (bundled.version < installed.version)
    return {
      action: 'refuse',
      reason: `the extension's version ${bundled.version} is older than the installed version ${installed.version}`,
    };
  return { action: 'install' };
}
