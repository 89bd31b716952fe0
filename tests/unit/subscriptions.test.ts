/**
 * Claim-pack subscriptions (issue 11): the addresses accepted, when a
 * subscription is due, conditional requests, bounds, and the rule that an
 * update never breaks the database — invalid, older, much smaller or
 * foreign packs leave the installed version in place, with the reason.
 */
import { parsePack } from '@core/pack/schema';
import {
  boundedInterval,
  decideUpdate,
  isDue,
  normaliseSubscriptionUrl,
  originPattern,
  SUBSCRIPTION_LIMITS,
  type Subscription,
} from '@core/pack/subscription';
import type { Library } from '@src/background/library';
import { createMemoryReportStore } from '@src/background/report-store';
import { createBackgroundService, type Sender } from '@src/background/service';
import { createSubscriptions, type SubscriptionDeps } from '@src/background/subscriptions';
import { SEED_PACK } from '@src/data/seed-pack';
import type { ImportPackResponse } from '@src/messaging/protocol';
import { describe, expect, it, vi } from 'vitest';

const URL_A = 'https://packs.example.org/newsroom.json';

/** A valid pack of `n` statements (the seed pack's, under another id). */
function pack(version: number, n = 40, id = 'newsroom') {
  const claims = SEED_PACK.claims.slice(0, n);
  const incidents = SEED_PACK.incidents.filter((i) => claims.some((c) => c.incident === i.id));
  const ids = new Set(claims.map((c) => c.id));
  return {
    ...SEED_PACK,
    id,
    version,
    title: 'Newsroom pack',
    incidents: incidents.map(({ evidence: _, ...rest }) => rest),
    claims,
    relations: SEED_PACK.relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}

interface Served {
  status: number;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
}

function setup(serve: (url: string, headers: Record<string, string>) => Served) {
  let list: Subscription[] = [];
  let clock = Date.parse('2026-12-06T00:00:00Z');
  const installed = new Map<
    string,
    { version: number; claims: number; source: { kind: 'url' | 'file' | 'builtin'; url?: string } }
  >([[SEED_PACK.id, { version: SEED_PACK.version, claims: SEED_PACK.claims.length, source: { kind: 'builtin' } }]]);
  const requests: Array<{ url: string; init: RequestInit }> = [];
  const install = vi.fn(async (json: unknown, url: string): Promise<ImportPackResponse> => {
    const p = parsePack(json);
    const previous = installed.get(p.id);
    installed.set(p.id, { version: p.version, claims: p.claims.length, source: { kind: 'url', url } });
    return {
      ok: true,
      pack: { id: p.id, version: p.version, claims: p.claims.length },
      previousVersion: previous?.version ?? null,
    };
  });
  const deps: SubscriptionDeps = {
    store: {
      get: async () => structuredClone(list),
      set: async (next) => {
        list = structuredClone(next);
      },
    },
    fetch: async (url, init) => {
      requests.push({ url, init });
      const served = serve(url, (init.headers ?? {}) as Record<string, string>);
      return new Response((served.body ?? null) as BodyInit | null, {
        status: served.status,
        headers: served.headers ?? {},
      });
    },
    installed: async () => [...installed].map(([id, p]) => ({ id, ...p })),
    install,
    now: () => clock,
    log: { warn: vi.fn() },
  };
  return {
    subs: createSubscriptions(deps),
    requests,
    install,
    installed,
    list: () => list,
    tick: (hours: number) => {
      clock += hours * 3_600_000;
    },
  };
}

describe('subscription addresses and schedule', () => {
  it('accepts https addresses (http only on this machine), without credentials, and drops the fragment', () => {
    expect(normaliseSubscriptionUrl(' https://packs.example.org/a.json#x ')).toEqual({
      ok: true,
      url: 'https://packs.example.org/a.json',
    });
    expect(normaliseSubscriptionUrl('http://127.0.0.1:8080/a.json').ok).toBe(true);
    expect(normaliseSubscriptionUrl('http://packs.example.org/a.json')).toMatchObject({ ok: false });
    expect(normaliseSubscriptionUrl('https://user:pw@packs.example.org/a.json')).toMatchObject({ ok: false });
    expect(normaliseSubscriptionUrl('file:///etc/passwd')).toMatchObject({ ok: false });
    expect(normaliseSubscriptionUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(normaliseSubscriptionUrl('not a url')).toMatchObject({ ok: false });
    expect(normaliseSubscriptionUrl(`https://a.example/${'x'.repeat(3000)}`)).toMatchObject({ ok: false });
    expect(originPattern('https://packs.example.org:8443/a/b.json?x=1')).toBe('https://packs.example.org/*');
  });

  it('bounds the pack’s own interval and checks a failed subscription again within the hour', () => {
    expect(boundedInterval(undefined)).toBe(24);
    expect(boundedInterval(1)).toBe(SUBSCRIPTION_LIMITS.minIntervalHours);
    expect(boundedInterval(1e9)).toBe(SUBSCRIPTION_LIMITS.maxIntervalHours);
    expect(boundedInterval(48)).toBe(48);
    expect(boundedInterval(Number.NaN)).toBe(24);
    const at = Date.parse('2026-12-06T00:00:00Z');
    const checked = { checkedAt: '2026-12-05T12:00:00.000Z', intervalHours: 24 };
    expect(isDue({ ...checked, status: 'updated' }, at)).toBe(false);
    expect(isDue({ ...checked, status: 'updated' }, at + 12 * 3_600_000)).toBe(true);
    expect(isDue({ ...checked, status: 'error' }, at)).toBe(true);
    expect(isDue({ checkedAt: null, intervalHours: 24, status: 'pending' }, at)).toBe(true);
    // A clock set back does not stop checks.
    expect(isDue({ checkedAt: '2030-01-01T00:00:00.000Z', intervalHours: 24, status: 'updated' }, at)).toBe(true);
  });

  it('decides: the same id, never a built-in or a file’s pack, never older, never most statements lost', () => {
    const sub = { url: URL_A, packId: 'newsroom' };
    const fromHere = { kind: 'url' as const, url: URL_A };
    expect(decideUpdate({ url: URL_A, packId: null }, { id: 'newsroom', version: 1, claims: 5 }, undefined)).toEqual({
      action: 'install',
    });
    expect(decideUpdate(sub, { id: 'other', version: 2, claims: 40 }, undefined).action).toBe('refuse');
    expect(
      decideUpdate(
        sub,
        { id: 'newsroom', version: 2, claims: 40 },
        { id: 'newsroom', version: 1, claims: 40, source: { kind: 'file' } },
      ).action,
    ).toBe('refuse');
    expect(
      decideUpdate(
        sub,
        { id: 'newsroom', version: 2, claims: 40 },
        { id: 'newsroom', version: 1, claims: 40, source: { kind: 'builtin' } },
      ).action,
    ).toBe('refuse');
    expect(
      decideUpdate(
        sub,
        { id: 'newsroom', version: 1, claims: 40 },
        { id: 'newsroom', version: 2, claims: 40, source: fromHere },
      ).action,
    ).toBe('refuse');
    expect(
      decideUpdate(
        sub,
        { id: 'newsroom', version: 2, claims: 40 },
        { id: 'newsroom', version: 2, claims: 40, source: fromHere },
      ),
    ).toEqual({ action: 'unchanged' });
    expect(
      decideUpdate(
        sub,
        { id: 'newsroom', version: 3, claims: 19 },
        { id: 'newsroom', version: 2, claims: 40, source: fromHere },
      ).action,
    ).toBe('refuse');
    expect(
      decideUpdate(
        sub,
        { id: 'newsroom', version: 3, claims: 20 },
        { id: 'newsroom', version: 2, claims: 40, source: fromHere },
      ),
    ).toEqual({ action: 'install' });
    // Small packs may shrink freely.
    expect(
      decideUpdate(
        sub,
        { id: 'newsroom', version: 3, claims: 1 },
        { id: 'newsroom', version: 2, claims: 10, source: fromHere },
      ),
    ).toEqual({ action: 'install' });
  });
});

describe('subscriptions in the background', () => {
  it('fetches at once on subscribe, installs the pack from that address, and remembers its validators', async () => {
    const t = setup(() => ({
      status: 200,
      body: JSON.stringify(pack(1)),
      headers: { etag: '"v1"', 'last-modified': 'Fri, 04 Dec 2026 10:00:00 GMT' },
    }));
    const result = await t.subs.subscribe(`${URL_A}#top`);
    expect(result).toMatchObject({
      ok: true,
      subscription: { url: URL_A, packId: 'newsroom', version: 1, claims: 40, status: 'updated', etag: '"v1"' },
    });
    expect(t.install).toHaveBeenCalledWith(expect.objectContaining({ id: 'newsroom', version: 1 }), URL_A);
    expect(t.installed.get('newsroom')?.source).toEqual({ kind: 'url', url: URL_A });
    const init = t.requests[0]?.init;
    expect(init?.credentials).toBe('omit');
    expect(init?.referrerPolicy).toBe('no-referrer');
    expect(init?.headers).toEqual({ accept: 'application/json' });
  });

  it('asks conditionally afterwards; "not modified" changes nothing', async () => {
    let version = 1;
    const t = setup((_url, headers) =>
      headers['if-none-match'] === `"v${version}"`
        ? { status: 304 }
        : { status: 200, body: JSON.stringify(pack(version)), headers: { etag: `"v${version}"` } },
    );
    await t.subs.subscribe(URL_A);
    const again = await t.subs.update(URL_A);
    expect(again).toMatchObject({ ok: true, subscription: { status: 'unchanged', version: 1 } });
    expect(t.requests[1]?.init.headers).toMatchObject({ 'if-none-match': '"v1"' });
    expect(t.install).toHaveBeenCalledTimes(1);
    version = 2;
    expect(await t.subs.update(URL_A)).toMatchObject({ ok: true, subscription: { status: 'updated', version: 2 } });
    expect(t.installed.get('newsroom')?.version).toBe(2);
  });

  it.each<[string, Served | 'huge-stream', RegExp]>([
    ['a server error', { status: 503 }, /answered 503/],
    ['a body that is not JSON', { status: 200, body: '<html>moved</html>' }, /not JSON/],
    ['a body that is not UTF-8', { status: 200, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, /not valid UTF-8/],
    [
      'an invalid pack',
      { status: 200, body: JSON.stringify({ ...pack(2), claims: [{ id: 'x' }] }) },
      /not a valid claim pack: .*claims\[0\]/,
    ],
    [
      'a version with most statements gone',
      { status: 200, body: JSON.stringify(pack(3, 5)) },
      /5 statements where 40 are installed/,
    ],
    [
      'another pack under this address',
      { status: 200, body: JSON.stringify(pack(3, 40, 'someone-else')) },
      /changed its id/,
    ],
    [
      'a declared size over the bound',
      { status: 200, body: '{}', headers: { 'content-length': String(SUBSCRIPTION_LIMITS.maxBytes + 1) } },
      /more than the \d+ allowed/,
    ],
    ['a body over the bound', 'huge-stream', /more than the \d+ bytes allowed/],
  ])('keeps the installed version on %s, and says why', async (_, bad, reason) => {
    let next: Served | 'huge-stream' = { status: 200, body: JSON.stringify(pack(1)), headers: { etag: '"v1"' } };
    const t = setup(() => (next === 'huge-stream' ? { status: 200 } : next));
    await t.subs.subscribe(URL_A);
    next = bad;
    if (bad === 'huge-stream') {
      // A body that never ends: read only up to the bound.
      const chunk = new Uint8Array(1024 * 1024).fill(32);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
          if (sent > 2 * SUBSCRIPTION_LIMITS.maxBytes) controller.close();
        },
      });
      (t as { subs: typeof t.subs }).subs = createSubscriptions({
        store: { get: async () => t.list(), set: async () => {} },
        fetch: async () => new Response(stream, { status: 200 }),
        installed: async () => [],
        install: t.install,
        log: { warn: () => {} },
      });
    }
    const result = await t.subs.update(URL_A);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
    expect(t.install).toHaveBeenCalledTimes(1);
    expect(t.installed.get('newsroom')).toMatchObject({ version: 1, claims: 40 });
    if (bad !== 'huge-stream')
      expect(t.list()[0]).toMatchObject({ status: 'error', version: 1, claims: 40, etag: '"v1"' });
  });

  it('keeps a newer installed version when the address serves an older one', async () => {
    let version = 2;
    const t = setup(() => ({ status: 200, body: JSON.stringify(pack(version)) }));
    await t.subs.subscribe(URL_A);
    version = 1;
    expect(await t.subs.update(URL_A)).toMatchObject({
      ok: false,
      error: 'version 1 is older than the installed version 2',
    });
    expect(t.installed.get('newsroom')?.version).toBe(2);
  });

  it('refuses to take over a pack installed from a file or the built-in pack', async () => {
    const t = setup(() => ({ status: 200, body: JSON.stringify(pack(5)) }));
    t.installed.set('newsroom', { version: 1, claims: 40, source: { kind: 'file' } });
    expect(await t.subs.subscribe(URL_A)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/already installed from a file/),
    });
    const seed = setup(() => ({ status: 200, body: JSON.stringify({ ...SEED_PACK, version: SEED_PACK.version + 1 }) }));
    expect(await seed.subs.subscribe(URL_A)).toMatchObject({ ok: false, error: expect.stringMatching(/built-in/) });
    expect(t.install).not.toHaveBeenCalled();
    expect(seed.install).not.toHaveBeenCalled();
  });

  it('checks only what is due on the alarm, and forgets an address on unsubscribe (the pack stays)', async () => {
    const t = setup(() => ({ status: 200, body: JSON.stringify(pack(1)), headers: { etag: '"v1"' } }));
    await t.subs.subscribe(URL_A);
    expect(await t.subs.updateDue()).toBe(0);
    t.tick(25);
    expect(await t.subs.updateDue()).toBe(1);
    expect(t.requests).toHaveLength(2);
    expect(await t.subs.unsubscribe(URL_A)).toBe(true);
    expect(await t.subs.list()).toEqual([]);
    expect(t.installed.has('newsroom')).toBe(true);
    expect(await t.subs.update(URL_A)).toMatchObject({ ok: false });
  });

  it('refuses addresses it cannot subscribe to without fetching anything', async () => {
    const t = setup(() => ({ status: 200, body: '{}' }));
    expect(await t.subs.subscribe('http://packs.example.org/a.json')).toMatchObject({ ok: false });
    expect(await t.subs.subscribe('')).toMatchObject({ ok: false });
    expect(t.requests).toEqual([]);
  });
});

describe('the subscription messages', () => {
  const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
  const ORIGIN = `chrome-extension://${RUNTIME_ID}`;
  const options: Sender = { id: RUNTIME_ID, url: `${ORIGIN}/options.html` };
  const contentScript: Sender = { id: RUNTIME_ID, url: 'https://www.lesoir.be/a', tab: { id: 3 }, frameId: 0 };

  function service() {
    const t = setup(() => ({ status: 200, body: JSON.stringify(pack(1)) }));
    const s = createBackgroundService({
      createDetector: () => ({ detectSegments: () => [] }),
      reports: createMemoryReportStore(),
      badge: { setCount: async () => {} },
      library: { ready: async () => {} } as unknown as Library,
      runtimeId: RUNTIME_ID,
      extensionOrigin: ORIGIN,
      log: { warn: vi.fn() },
      subscriptions: t.subs,
    });
    return { s, t };
  }

  it('are answered for the extension’s own pages', async () => {
    const { s, t } = service();
    await expect(s.handleMessage({ type: 'subscribe', url: URL_A }, options)).resolves.toMatchObject({ ok: true });
    await expect(s.handleMessage({ type: 'listSubscriptions' }, options)).resolves.toMatchObject({
      subscriptions: [{ url: URL_A, status: 'updated' }],
    });
    await expect(s.handleMessage({ type: 'unsubscribe', url: URL_A }, options)).resolves.toEqual({ removed: true });
    expect(t.requests).toHaveLength(1);
  });

  it('are refused from a page’s content script, and when malformed', async () => {
    const { s, t } = service();
    await expect(s.handleMessage({ type: 'subscribe', url: URL_A }, contentScript)).rejects.toThrow(/extension page/);
    await expect(s.handleMessage({ type: 'subscribe', url: URL_A, extra: 1 }, options)).rejects.toThrow(/exactly/);
    await expect(s.handleMessage({ type: 'subscribe', url: 42 }, options)).rejects.toThrow(/string/);
    await expect(s.handleMessage({ type: 'updateSubscription' }, options)).rejects.toThrow();
    expect(t.requests).toEqual([]);
  });
});
