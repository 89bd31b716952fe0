/**
 * Claim-pack subscriptions: fetched when the user subscribes, then whenever
 * due (the `alarms` tick), with conditional requests (ETag / Last-Modified),
 * a size bound and a timeout; validated whole before anything changes; the
 * installed version kept, with the reason, when an update is invalid, older,
 * or much smaller. This is the only network traffic Counterpoint makes, and
 * only to addresses the user added.
 *
 * Built-in subscriptions (the seed pack) go through the same decision and
 * validation, with the copy bundled in the extension as their source: never
 * fetched, checked when the extension starts, never unsubscribed.
 */

import type { ClaimPack } from '@core/pack/schema';
import { PackError, parsePack } from '@core/pack/schema';
import {
  boundedInterval,
  decideBuiltinUpdate,
  decideUpdate,
  type InstalledPack,
  isDue,
  newSubscription,
  normaliseSubscriptionUrl,
  SUBSCRIPTION_LIMITS,
  type Subscription,
} from '@core/pack/subscription';
import type { ImportPackResponse } from '@src/messaging/protocol';

export interface SubscriptionStore {
  get(): Promise<Subscription[]>;
  set(list: Subscription[]): Promise<void>;
}

/** What a built-in subscription is installed from: a pack bundled with the extension. */
export interface BuiltinSource {
  /** `builtinSubscriptionUrl(id)`. */
  url: string;
  /** The id and version the extension declares for the bundled pack: all a check needs. */
  header: { id: string; version: number };
  /** The bundled pack's JSON, as shipped: read only to install it. */
  load(): Promise<unknown>;
  /** The installed pack of that id, read without waiting for anything else. */
  installed(): Promise<InstalledPack | undefined>;
  /** Installs a validated bundled pack; "current" when another call installed that version meanwhile. Throws on failure. */
  install(pack: ClaimPack): Promise<BuiltinOutcome>;
}

export type BuiltinOutcome = 'installed' | 'upgraded' | 'current';

export type BuiltinCheck =
  | { outcome: BuiltinOutcome | 'refused'; subscription: Subscription }
  | { outcome: 'failed'; error: unknown; subscription: Subscription };

export interface SubscriptionDeps {
  store: SubscriptionStore;
  /** Built-in subscriptions, listed first. */
  builtins?: readonly BuiltinSource[];
  /** Resolves once this worker checked the built-in ones (the library's seed install); `list` waits for it. */
  builtinsChecked?: () => Promise<unknown>;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The installed packs (id, version, statements, source). */
  installed(): Promise<InstalledPack[]>;
  /** Installs a validated pack from `url`, all or nothing. */
  install(json: unknown, url: string): Promise<ImportPackResponse>;
  now?: () => number;
  /** Smaller bounds for tests (a server that hangs need not take a minute); SUBSCRIPTION_LIMITS otherwise. */
  limits?: { timeoutMs?: number; maxBytes?: number };
  log: { warn(...args: unknown[]): void };
}

export type SubscribeResult = { ok: true; subscription: Subscription } | { ok: false; error: string };

export interface Subscriptions {
  /** Built-in subscriptions first (one not checked yet shows as pending), then the user's, in order. */
  list(): Promise<Subscription[]>;
  /**
   * Checks a built-in subscription against its bundled copy and records the
   * outcome; "current" also when the bundled version is refused (the installed
   * one stays, the subscription says why). Throws when installing failed.
   * Not queued behind network checks: those wait for the seed, which waits for this.
   */
  ensureBuiltin(url: string): Promise<BuiltinOutcome>;
  /** Adds the address and fetches it at once; an address already there is checked again. */
  subscribe(url: string): Promise<SubscribeResult>;
  /** Stops updates; the installed pack stays (the options page removes packs). False for a built-in one. */
  unsubscribe(url: string): Promise<boolean>;
  /** Checks one subscription now, whether due or not. */
  update(url: string): Promise<SubscribeResult>;
  /** Checks every subscription that is due (the alarm). */
  updateDue(): Promise<number>;
}

class FetchRefusal extends Error {}

/** Reads a response body up to `max` bytes; refuses more, whatever Content-Length says. */
async function readBounded(response: Response, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    // Not read at all: the connection is let go at once.
    await response.body?.cancel().catch(() => {});
    throw new FetchRefusal(`the pack is ${declared} bytes, more than the ${max} allowed`);
  }
  const body = response.body;
  if (body === null) return new Uint8Array(await response.arrayBuffer());
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw new FetchRefusal(`the pack is more than the ${max} bytes allowed`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function jsonOf(bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FetchRefusal('the pack is not valid UTF-8');
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FetchRefusal(`the pack is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function headerOf(json: unknown): { id: string; version: number } {
  const field = (key: string): unknown => {
    if (typeof json !== 'object' || json === null) return undefined;
    const d = Object.getOwnPropertyDescriptor(json, key);
    return d !== undefined && 'value' in d ? d.value : undefined;
  };
  const id = field('id');
  const version = field('version');
  const claims = field('claims');
  if (typeof id !== 'string' || typeof version !== 'number' || !Array.isArray(claims))
    throw new PackError('the bundled pack has no id, version or claims', ['(root): not a claim pack']);
  return { id, version };
}

/**
 * One check of a built-in subscription: decided on the id and version the
 * extension declares (`decideBuiltinUpdate`), so a worker start that finds the
 * pack current reads nothing else; the bundled copy is read, checked against
 * that declaration and validated whole only to be installed.
 */
export async function checkBuiltin(source: BuiltinSource, sub: Subscription, at: string): Promise<BuiltinCheck> {
  const failed = (error: unknown, message: string): BuiltinCheck => ({
    outcome: 'failed',
    error,
    subscription: { ...sub, checkedAt: at, status: 'error', error: message },
  });
  const { header } = source;
  const installed = await source.installed();
  const decision = decideBuiltinUpdate(sub, header, installed);
  if (decision.action === 'refuse')
    return { outcome: 'refused', subscription: { ...sub, checkedAt: at, status: 'error', error: decision.reason } };
  if (decision.action === 'unchanged')
    return {
      outcome: 'current',
      subscription: {
        ...sub,
        packId: header.id,
        version: installed?.version ?? header.version,
        claims: installed?.claims ?? null,
        checkedAt: at,
        updatedAt: sub.updatedAt ?? installed?.installedAt ?? null,
        status: 'unchanged',
        error: null,
      },
    };
  let json: unknown;
  try {
    json = await source.load();
  } catch (error) {
    return failed(error, `could not read the bundled pack: ${error instanceof Error ? error.message : String(error)}`);
  }
  let pack: ClaimPack;
  try {
    const read = headerOf(json);
    if (read.id !== header.id || read.version !== header.version)
      throw new PackError(
        `the bundled file holds "${read.id}" version ${read.version}, where the extension declares "${header.id}" version ${header.version}`,
        ['(root): not the declared pack'],
      );
    pack = parsePack(json);
  } catch (error) {
    return failed(error, `not a valid claim pack: ${error instanceof Error ? error.message : String(error)}`);
  }
  let outcome: BuiltinOutcome;
  try {
    outcome = await source.install(pack);
  } catch (error) {
    return failed(error, `could not install it: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    outcome,
    subscription: {
      ...sub,
      packId: pack.id,
      version: pack.version,
      claims: pack.claims.length,
      checkedAt: at,
      updatedAt: outcome === 'current' ? (sub.updatedAt ?? at) : at,
      status: outcome === 'current' ? 'unchanged' : 'updated',
      error: null,
    },
  };
}

/** Whether two records of a subscription differ in more than the time of the check. */
function changed(a: Subscription | undefined, b: Subscription): boolean {
  if (a === undefined) return true;
  const { checkedAt: _a, ...restA } = a;
  const { checkedAt: _b, ...restB } = b;
  return JSON.stringify(restA) !== JSON.stringify(restB);
}

function updateIntervalOf(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return undefined;
  const field = Object.getOwnPropertyDescriptor(json, 'updateIntervalHours');
  return field !== undefined && 'value' in field ? field.value : undefined;
}

export function createSubscriptions(deps: SubscriptionDeps): Subscriptions {
  const now = deps.now ?? Date.now;
  const timeoutMs = deps.limits?.timeoutMs ?? SUBSCRIPTION_LIMITS.timeoutMs;
  const maxBytes = deps.limits?.maxBytes ?? SUBSCRIPTION_LIMITS.maxBytes;
  const noAnswer = `no answer within ${timeoutMs / 1000} s`;
  // One change at a time: subscribing, the alarm and "update now" may overlap.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  }

  const builtins = new Map((deps.builtins ?? []).map((b) => [b.url, b]));
  // Every change to the stored list, one at a time: the built-in check (not queued above) writes too.
  let writes: Promise<unknown> = Promise.resolve();
  function mutate<T>(change: (list: Subscription[]) => { list: Subscription[] | null; result: T }): Promise<T> {
    const run = writes.then(async () => {
      const { list, result } = change(await deps.store.get());
      if (list !== null) await deps.store.set(list);
      return result;
    });
    writes = run.catch(() => {});
    return run;
  }

  function save(sub: Subscription): Promise<void> {
    return mutate((list) => {
      const i = list.findIndex((s) => s.url === sub.url);
      // Unsubscribed meanwhile: nothing to record.
      if (i < 0) return { list: null, result: undefined };
      list[i] = sub;
      return { list, result: undefined };
    });
  }

  async function runBuiltin(source: BuiltinSource): Promise<BuiltinCheck> {
    const at = new Date(now()).toISOString();
    const previous = (await deps.store.get()).find((s) => s.url === source.url);
    const check = await checkBuiltin(source, previous ?? newSubscription(source.url, at, true), at);
    // Written only when something but the time changed: the worker starts often.
    if (changed(previous, check.subscription))
      await mutate((list) => {
        const others = list.filter((s) => s.url !== source.url);
        return { list: [check.subscription, ...others], result: undefined };
      });
    if (check.outcome === 'failed' || check.outcome === 'refused')
      deps.log.warn(`[counterpoint] built-in pack ${source.url}: ${check.subscription.error}`);
    return check;
  }

  async function check(sub: Subscription): Promise<Subscription> {
    const at = new Date(now()).toISOString();
    const failed = (error: string): Subscription => ({ ...sub, checkedAt: at, status: 'error', error });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (sub.etag !== null) headers['if-none-match'] = sub.etag;
      if (sub.lastModified !== null) headers['if-modified-since'] = sub.lastModified;
      let response: Response;
      try {
        response = await deps.fetch(sub.url, {
          headers,
          signal: controller.signal,
          credentials: 'omit',
          redirect: 'follow',
          cache: 'no-cache',
          referrerPolicy: 'no-referrer',
        });
      } catch (error) {
        return failed(
          controller.signal.aborted
            ? noAnswer
            : `could not fetch it: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (response.status === 304) return { ...sub, checkedAt: at, status: 'unchanged', error: null };
      if (!response.ok) return failed(`the server answered ${response.status}`);
      let json: unknown;
      try {
        json = jsonOf(await readBounded(response, maxBytes));
      } catch (error) {
        if (error instanceof FetchRefusal) return failed(error.message);
        return failed(
          controller.signal.aborted
            ? noAnswer
            : `could not read it: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      let pack: ReturnType<typeof parsePack>;
      try {
        pack = parsePack(json);
      } catch (error) {
        return failed(`not a valid claim pack: ${error instanceof Error ? error.message : String(error)}`);
      }
      const validators = {
        etag: response.headers.get('etag'),
        lastModified: response.headers.get('last-modified'),
      };
      const installed = (await deps.installed()).find((p) => p.id === pack.id);
      const decision = decideUpdate(sub, { id: pack.id, version: pack.version, claims: pack.claims.length }, installed);
      const intervalHours = boundedInterval(updateIntervalOf(json));
      if (decision.action === 'refuse') return failed(decision.reason);
      if (decision.action === 'unchanged')
        return {
          ...sub,
          ...validators,
          packId: pack.id,
          intervalHours,
          checkedAt: at,
          status: 'unchanged',
          error: null,
        };
      const result = await deps.install(json, sub.url);
      if (!result.ok) return failed(result.error);
      return {
        ...sub,
        ...validators,
        packId: pack.id,
        version: pack.version,
        claims: pack.claims.length,
        intervalHours,
        checkedAt: at,
        updatedAt: at,
        status: 'updated',
        error: null,
      };
    } finally {
      clearTimeout(timer);
    }
  }

  async function checkAndSave(url: string): Promise<SubscribeResult> {
    const source = builtins.get(url);
    if (source !== undefined) {
      // "Update now" of a built-in one: compared with the bundled copy again, nothing fetched.
      const { subscription } = await runBuiltin(source);
      return subscription.status === 'error'
        ? { ok: false, error: subscription.error ?? 'failed' }
        : { ok: true, subscription };
    }
    const sub = (await deps.store.get()).find((s) => s.url === url);
    if (sub === undefined) return { ok: false, error: 'not subscribed to this address' };
    const next = await check(sub);
    await save(next);
    if (next.status === 'error') deps.log.warn(`[counterpoint] subscription ${url}: ${next.error}`);
    return next.status === 'error' ? { ok: false, error: next.error ?? 'failed' } : { ok: true, subscription: next };
  }

  return {
    async list() {
      // Not "pending" on the first start only because the page asked before the seed's install ended.
      await deps.builtinsChecked?.();
      const stored = await deps.store.get();
      const at = new Date(now()).toISOString();
      const first = [...builtins.keys()].map(
        (url) => stored.find((s) => s.url === url) ?? newSubscription(url, at, true),
      );
      return [...first, ...stored.filter((s) => !builtins.has(s.url))];
    },
    async ensureBuiltin(url) {
      const source = builtins.get(url);
      if (source === undefined) throw new Error(`no built-in subscription ${url}`);
      const check = await runBuiltin(source);
      if (check.outcome === 'failed') throw check.error;
      return check.outcome === 'refused' ? 'current' : check.outcome;
    },
    subscribe(input) {
      const normal = normaliseSubscriptionUrl(input);
      if (!normal.ok) return Promise.resolve({ ok: false, error: normal.error });
      return serial(async () => {
        const refused = await mutate((list) => {
          if (list.some((s) => s.url === normal.url)) return { list: null, result: null };
          if (list.filter((s) => s.builtin !== true).length >= SUBSCRIPTION_LIMITS.maxSubscriptions)
            return { list: null, result: `at most ${SUBSCRIPTION_LIMITS.maxSubscriptions} subscriptions` };
          return { list: [...list, newSubscription(normal.url, new Date(now()).toISOString())], result: null };
        });
        if (refused !== null) return { ok: false, error: refused };
        return checkAndSave(normal.url);
      });
    },
    unsubscribe(url) {
      if (builtins.has(url)) return Promise.resolve(false);
      return serial(() =>
        mutate((list) => {
          const next = list.filter((s) => s.url !== url || s.builtin === true);
          return next.length === list.length ? { list: null, result: false } : { list: next, result: true };
        }),
      );
    },
    update(url) {
      return serial(() => checkAndSave(url));
    },
    updateDue() {
      return serial(async () => {
        // Built-in ones have nothing to fetch: the extension's start checks them.
        const due = (await deps.store.get()).filter((s) => s.builtin !== true && isDue(s, now()));
        for (const sub of due) await checkAndSave(sub.url);
        return due.length;
      });
    },
  };
}
