/**
 * Claim-pack subscriptions: fetched when the user subscribes, then whenever
 * due (the `alarms` tick), with conditional requests (ETag / Last-Modified),
 * a size bound and a timeout; validated whole before anything changes; the
 * installed version kept, with the reason, when an update is invalid, older,
 * or much smaller. This is the only network traffic Counterpoint makes, and
 * only to addresses the user added.
 */
import { parsePack } from '@core/pack/schema';
import {
  boundedInterval,
  decideUpdate,
  type InstalledPack,
  isDue,
  normaliseSubscriptionUrl,
  SUBSCRIPTION_LIMITS,
  type Subscription,
} from '@core/pack/subscription';
import type { ImportPackResponse } from '@src/messaging/protocol';

export interface SubscriptionStore {
  get(): Promise<Subscription[]>;
  set(list: Subscription[]): Promise<void>;
}

export interface SubscriptionDeps {
  store: SubscriptionStore;
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** The installed packs (id, version, statements, source). */
  installed(): Promise<InstalledPack[]>;
  /** Installs a validated pack from `url`, all or nothing. */
  install(json: unknown, url: string): Promise<ImportPackResponse>;
  now?: () => number;
  /** Smaller bounds for tests (a server that hangs need not take a minute); SUBSCRIPTION_LIMITS otherwise. */
  limits?: Partial<Pick<typeof SUBSCRIPTION_LIMITS, 'timeoutMs' | 'maxBytes'>>;
  log: { warn(...args: unknown[]): void };
}

export type SubscribeResult = { ok: true; subscription: Subscription } | { ok: false; error: string };

export interface Subscriptions {
  list(): Promise<Subscription[]>;
  /** Adds the address and fetches it at once; an address already there is checked again. */
  subscribe(url: string): Promise<SubscribeResult>;
  /** Stops updates; the installed pack stays (the options page removes packs). */
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

  async function save(sub: Subscription): Promise<void> {
    const list = await deps.store.get();
    const i = list.findIndex((s) => s.url === sub.url);
    // Unsubscribed meanwhile: nothing to record.
    if (i < 0) return;
    list[i] = sub;
    await deps.store.set(list);
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
    const sub = (await deps.store.get()).find((s) => s.url === url);
    if (sub === undefined) return { ok: false, error: 'not subscribed to this address' };
    const next = await check(sub);
    await save(next);
    if (next.status === 'error') deps.log.warn(`[counterpoint] subscription ${url}: ${next.error}`);
    return next.status === 'error' ? { ok: false, error: next.error ?? 'failed' } : { ok: true, subscription: next };
  }

  return {
    list: () => deps.store.get(),
    subscribe(input) {
      const normal = normaliseSubscriptionUrl(input);
      if (!normal.ok) return Promise.resolve({ ok: false, error: normal.error });
      return serial(async () => {
        const list = await deps.store.get();
        if (!list.some((s) => s.url === normal.url)) {
          if (list.length >= SUBSCRIPTION_LIMITS.maxSubscriptions)
            return { ok: false, error: `at most ${SUBSCRIPTION_LIMITS.maxSubscriptions} subscriptions` };
          list.push({
            url: normal.url,
            packId: null,
            addedAt: new Date(now()).toISOString(),
            checkedAt: null,
            updatedAt: null,
            status: 'pending',
            error: null,
            etag: null,
            lastModified: null,
            version: null,
            claims: null,
            intervalHours: SUBSCRIPTION_LIMITS.defaultIntervalHours,
          });
          await deps.store.set(list);
        }
        return checkAndSave(normal.url);
      });
    },
    unsubscribe(url) {
      return serial(async () => {
        const list = await deps.store.get();
        const next = list.filter((s) => s.url !== url);
        if (next.length === list.length) return false;
        await deps.store.set(next);
        return true;
      });
    },
    update(url) {
      return serial(() => checkAndSave(url));
    },
    updateDue() {
      return serial(async () => {
        const due = (await deps.store.get()).filter((s) => isDue(s, now()));
        for (const sub of due) await checkAndSave(sub.url);
        return due.length;
      });
    },
  };
}
