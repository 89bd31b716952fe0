/**
 * The options page (issue 11): installed packs, import all-or-nothing with
 * errors by path, export, remove with undo, the MISP import, and the sites.
 * The page talks to the extension through `OptionsApi`, faked here by an
 * in-memory pack store that behaves as the background does.
 */
import type { MispClusterType } from '@core/actors/misp-cluster';
import type { ClaimPack } from '@core/pack/schema';
import type { Subscription } from '@core/pack/subscription';
import { SEED_PACK } from '@src/data/seed-pack';
import type { ImportMispGalaxyResponse, ImportPackResponse, PackSummary } from '@src/messaging/protocol';
import type { ImportedMispCluster } from '@src/settings/misp-clusters';
import type { OptionsApi } from '@src/ui/options/api';
import { siteOfPattern } from '@src/ui/options/api';
import { MAX_IMPORT_BYTES, Options, readJsonFile } from '@src/ui/options/Options';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useMessages } from './popup-support';

const { document, window, HTMLInputElement } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { document });

// linkedom has no live `checked` property (only the attribute): give inputs one, as the DOM does.
const liveChecked = new WeakMap<object, boolean>();
Object.defineProperty(HTMLInputElement.prototype, 'checked', {
  configurable: true,
  get(this: Element) {
    return liveChecked.get(this) ?? this.hasAttribute('checked');
  },
  set(this: Element, value: boolean) {
    liveChecked.set(this, Boolean(value));
  },
});

/** A small valid pack: the seed pack's first incident and its statements, under another id. */
function smallPack(id = 'newsroom-pack', version = 1): ClaimPack {
  const incident = SEED_PACK.incidents[0];
  if (incident === undefined) throw new Error('seed pack has no incident');
  const claims = SEED_PACK.claims.filter((c) => c.incident === incident.id);
  const ids = new Set(claims.map((c) => c.id));
  return {
    ...SEED_PACK,
    id,
    version,
    title: 'A newsroom’s pack',
    homepage: 'https://packs.example.org/newsroom/',
    incidents: [incident],
    claims,
    relations: SEED_PACK.relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}

function summary(pack: ClaimPack, builtin: boolean): PackSummary {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    license: pack.license,
    publishedAt: pack.publishedAt,
    ...(pack.homepage !== undefined ? { homepage: pack.homepage } : {}),
    installedAt: '2026-12-06T01:00:00.000Z',
    source: { kind: builtin ? 'builtin' : 'file' },
    counts: {
      actors: pack.actors?.length ?? 0,
      incidents: pack.incidents?.length ?? 0,
      claims: pack.claims.length,
      relations: pack.relations?.length ?? 0,
    },
    builtin,
  };
}

function fakeApi() {
  const installed = new Map<string, ClaimPack>([[SEED_PACK.id, SEED_PACK]]);
  const downloads: Array<{ name: string; text: string }> = [];
  let disabled: string[] = [];
  let granted = ['lesoir.be', 'example.org', 'blog.example.net'];
  let subs: Subscription[] = [];
  let packsOff: string[] = [];
  const calls: string[] = [];
  let allowOrigin = true;
  let clusters: ImportedMispCluster[] = [];
  /** As the background: the cluster's type decides; one with no entries withdraws that type's import. */
  const importMisp = vi.fn(async (json: unknown): Promise<ImportMispGalaxyResponse> => {
    const {
      type = 'threat-actor',
      name = 'cluster',
      values,
    } = json as {
      type?: MispClusterType;
      name?: string;
      values: unknown[];
    };
    clusters = clusters.filter((c) => c.type !== type);
    if (values.length > 0)
      clusters.push({
        type,
        name,
        version: 7,
        entries: values.length,
        actors: 2,
        importedAt: '2026-12-06T04:00:00.000Z',
      });
    return { ok: true, cluster: type, groups: values.length > 0 ? 3 : 0, added: 2, updated: 1, removed: 0 };
  });
  const api: OptionsApi = {
    listPacks: async () => [...installed.values()].map((p) => summary(p, p.id === SEED_PACK.id)),
    importPack: vi.fn(async (json: unknown): Promise<ImportPackResponse> => {
      const pack = json as ClaimPack;
      if (typeof pack !== 'object' || pack === null || !Array.isArray(pack.claims))
        return { ok: false, error: 'claims: expected an array', issues: ['claims: expected an array'] };
      const bad = pack.claims.findIndex((c) => !/^\d{4}-\d{2}-\d{2}/.test(c.date));
      if (bad >= 0)
        return {
          ok: false,
          error: `claims[${bad}].date: expected an ISO date`,
          issues: [`claims[${bad}].date: expected an ISO date`, `claims[${bad}].source.url: expected a URL`],
        };
      const previous = installed.get(pack.id);
      installed.set(pack.id, structuredClone(pack));
      return {
        ok: true,
        pack: { id: pack.id, version: pack.version, claims: pack.claims.length },
        previousVersion: previous?.version ?? null,
      };
    }),
    exportPack: async (id) => structuredClone(installed.get(id) ?? null),
    exportAll: async () => ({
      format: 'counterpoint-export',
      exportedAt: '2026-12-06T02:00:00.000Z',
      packs: [...installed.values()],
    }),
    removePack: vi.fn(async (id: string) => {
      if (id === SEED_PACK.id) return { ok: false as const, error: 'the built-in pack cannot be removed' };
      return { ok: true as const, removed: installed.delete(id) };
    }),
    importMisp,
    mispClusters: async () => clusters,
    removeMispCluster: vi.fn((type: MispClusterType) => importMisp({ type, values: [] })),
    disabledSites: async () => disabled,
    setSiteDisabled: vi.fn(async (site: string, off: boolean) => {
      disabled = off ? [...disabled, site] : disabled.filter((s) => s !== site);
    }),
    grantedSites: async () => granted,
    revokeSite: vi.fn(async (site: string) => {
      granted = granted.filter((s) => s !== site);
      return true;
    }),
    download: (name, _type, text) => void downloads.push({ name, text }),
    disabledPacks: async () => packsOff,
    setPackEnabled: vi.fn(async (id: string, on: boolean) => {
      packsOff = on ? packsOff.filter((p) => p !== id) : [...packsOff, id];
    }),
    listSubscriptions: async () => subs,
    requestOrigin: vi.fn((pattern: string) => {
      calls.push(`requestOrigin ${pattern}`);
      return Promise.resolve(allowOrigin);
    }),
    subscribe: vi.fn(async (url: string) => {
      calls.push(`subscribe ${url}`);
      const subscription: Subscription = {
        url,
        packId: 'newsroom',
        addedAt: '2026-12-06T03:00:00.000Z',
        checkedAt: '2026-12-06T03:00:00.000Z',
        updatedAt: '2026-12-06T03:00:00.000Z',
        status: 'updated',
        error: null,
        etag: null,
        lastModified: null,
        version: 4,
        claims: 12,
        intervalHours: 24,
      };
      subs = [...subs, subscription];
      return { ok: true as const, subscription };
    }),
    unsubscribe: vi.fn(async (url: string) => {
      subs = subs.filter((x) => x.url !== url);
      return true;
    }),
    updateSubscription: vi.fn(async (url: string) => {
      subs = subs.map((x) =>
        x.url === url ? { ...x, status: 'error' as const, error: 'the server answered 503' } : x,
      );
      return { ok: false as const, error: 'the server answered 503' };
    }),
  };
  return {
    api,
    installed,
    downloads,
    calls,
    denyOrigins: () => {
      allowOrigin = false;
    },
  };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  useMessages('en');
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

/** Renders the page and lets its first reads settle. */
async function show(api: OptionsApi) {
  await act(async () => {
    render(<Options api={api} />, root);
  });
  await settle();
}

async function settle() {
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
}

const rows = () =>
  [...root.querySelectorAll('tr[data-pack-id]')].map((tr) => ({
    id: tr.getAttribute('data-pack-id'),
    text: tr.textContent ?? '',
    removable: !(tr.querySelector('[data-action="remove"]') as HTMLButtonElement).disabled,
  }));
const status = () => root.querySelector('[role="status"]');

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A file dropped on the import zone, as the browser hands it over. */
async function drop(content: string, size = content.length) {
  const zone = root.querySelector('.drop');
  if (zone === null) throw new Error('no drop zone');
  const event = new window.Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', {
    value: { files: [{ name: 'pack.json', size, arrayBuffer: async () => bytesOf(content) }] },
  });
  await act(async () => {
    zone.dispatchEvent(event);
  });
  await settle();
}

async function click(el: Element | null) {
  if (el === null) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

describe('the options page: packs', () => {
  it('lists the installed packs with version, counts, licence, source and date; the built-in one cannot be removed', async () => {
    const { api } = fakeApi();
    await show(api);
    expect(rows()).toHaveLength(1);
    const [seed] = rows();
    expect(seed?.id).toBe(SEED_PACK.id);
    expect(seed?.removable).toBe(false);
    expect(seed?.text).toContain(SEED_PACK.title);
    expect(seed?.text).toContain(`${SEED_PACK.claims.length} (${SEED_PACK.incidents?.length} incidents)`);
    expect(seed?.text).toContain(SEED_PACK.license);
    expect(seed?.text).toContain('built in');
  });

  it('installs a dropped pack, then says so and lists it', async () => {
    const { api, installed } = fakeApi();
    await show(api);
    const pack = smallPack();
    await drop(`\uFEFF${JSON.stringify(pack)}`);
    // The file itself goes along: the background reads it (a blob: URL), not a message holding the value.
    expect(api.importPack).toHaveBeenCalledWith(pack, expect.objectContaining({ name: 'pack.json' }));
    expect(installed.has(pack.id)).toBe(true);
    expect(status()?.getAttribute('data-status')).toBe('ok');
    expect(status()?.textContent).toContain(`Installed ${pack.id}, version 1 (statements: ${pack.claims.length})`);
    expect(rows().map((r) => r.id)).toEqual([SEED_PACK.id, pack.id]);
    expect(rows()[1]?.text).toContain('packs.example.org');
    // A newer version is an update.
    await drop(JSON.stringify(smallPack(pack.id, 2)));
    expect(status()?.textContent).toContain(`Updated ${pack.id} from version 1 to 2`);
  });

  it('refuses a bad pack whole, listing every problem by path', async () => {
    const { api, installed } = fakeApi();
    await show(api);
    const pack = smallPack();
    const broken = { ...pack, claims: pack.claims.map((c, i) => (i === 2 ? { ...c, date: 'yesterday' } : c)) };
    await drop(JSON.stringify(broken));
    expect(installed.has(pack.id)).toBe(false);
    expect(status()?.getAttribute('data-status')).toBe('error');
    expect(status()?.textContent).toContain('Nothing was changed: claims[2].date: expected an ISO date');
    expect([...root.querySelectorAll('.issues li')].map((li) => li.textContent)).toEqual([
      'claims[2].date: expected an ISO date',
      'claims[2].source.url: expected a URL',
    ]);
    expect(rows()).toHaveLength(1);
  });

  it('says a file is not JSON, or too large, without sending it to the background', async () => {
    const { api } = fakeApi();
    await show(api);
    await drop('{"id": "x", ');
    expect(status()?.textContent).toMatch(/This file is not JSON/);
    await drop('{}', MAX_IMPORT_BYTES + 1);
    expect(status()?.textContent).toMatch(/larger than 50 MB/);
    expect(api.importPack).not.toHaveBeenCalled();
  });

  it('removes a pack, and Undo reinstalls exactly what was removed', async () => {
    const { api, installed } = fakeApi();
    const pack = smallPack();
    installed.set(pack.id, pack);
    await show(api);
    await click(root.querySelector(`tr[data-pack-id="${pack.id}"] [data-action="remove"]`));
    expect(installed.has(pack.id)).toBe(false);
    expect(rows().map((r) => r.id)).toEqual([SEED_PACK.id]);
    expect(status()?.textContent).toContain('Removed “A newsroom’s pack”');
    await click(root.querySelector('button.undo'));
    expect(installed.get(pack.id)).toEqual(pack);
    expect(rows().map((r) => r.id)).toEqual([SEED_PACK.id, pack.id]);
    expect(root.querySelector('button.undo')).toBeNull();
  });

  it('switches a pack off and on: kept installed, said so', async () => {
    const { api, installed } = fakeApi();
    await show(api);
    const row = () => root.querySelector(`tr[data-pack-id="${SEED_PACK.id}"]`);
    const box = () => row()?.querySelector('[data-action="enable"]') as HTMLInputElement;
    expect(row()?.getAttribute('data-enabled')).toBe('true');
    expect(box().checked).toBe(true);
    await act(async () => {
      box().checked = false;
      box().dispatchEvent(new window.Event('change', { bubbles: true }));
    });
    await settle();
    expect(api.setPackEnabled).toHaveBeenCalledWith(SEED_PACK.id, false);
    expect(row()?.getAttribute('data-enabled')).toBe('false');
    expect(installed.has(SEED_PACK.id)).toBe(true);
    expect(status()?.textContent).toContain('is switched off: kept installed');
    await act(async () => {
      box().checked = true;
      box().dispatchEvent(new window.Event('change', { bubbles: true }));
    });
    await settle();
    expect(api.setPackEnabled).toHaveBeenLastCalledWith(SEED_PACK.id, true);
    expect(row()?.getAttribute('data-enabled')).toBe('true');
  });

  it('exports one pack, and every pack in one file', async () => {
    const { api, downloads } = fakeApi();
    await show(api);
    await click(root.querySelector(`tr[data-pack-id="${SEED_PACK.id}"] [data-action="export"]`));
    expect(downloads[0]?.name).toBe(`${SEED_PACK.id}-v${SEED_PACK.version}.json`);
    expect(JSON.parse(downloads[0]?.text ?? '')).toEqual(SEED_PACK);
    await click(root.querySelector('[data-action="export-all"]'));
    expect(downloads[1]?.name).toMatch(/^counterpoint-packs-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(downloads[1]?.text ?? '').packs).toHaveLength(1);
  });
});

describe('the options page: sites', () => {
  it('lists the built-in sites and the granted ones (built-in grants left out); unticking switches a site off', async () => {
    const { api } = fakeApi();
    await show(api);
    const granted = [...root.querySelectorAll('[data-sites="granted"] input[type="checkbox"]')].map((i) =>
      i.getAttribute('data-site'),
    );
    expect(granted).toEqual(['example.org', 'blog.example.net']);
    const lesoir = root.querySelector('[data-sites="builtin"] input[data-site="lesoir.be"]') as HTMLInputElement;
    expect(lesoir.checked).toBe(true);
    await act(async () => {
      lesoir.checked = false;
      lesoir.dispatchEvent(new window.Event('change', { bubbles: true }));
    });
    await settle();
    expect(api.setSiteDisabled).toHaveBeenCalledWith('lesoir.be', true);
    expect((root.querySelector('input[data-site="lesoir.be"]') as HTMLInputElement).checked).toBe(false);
  });

  it('forgets a granted site (gives its permission back)', async () => {
    const { api } = fakeApi();
    await show(api);
    await click(root.querySelector('[data-sites="granted"] li button'));
    expect(api.revokeSite).toHaveBeenCalledWith('example.org');
    expect(root.querySelectorAll('[data-sites="granted"] li')).toHaveLength(1);
  });

  it('reads sites from permission patterns, and nothing from other patterns', () => {
    expect(siteOfPattern('*://*.example.org/*')).toBe('example.org');
    expect(siteOfPattern('*://*.www.lemonde.fr/*')).toBe('lemonde.fr');
    expect(siteOfPattern('<all_urls>')).toBeNull();
    expect(siteOfPattern('https://example.org/*')).toBeNull();
  });
});

describe('readJsonFile', () => {
  const file = (bytes: Uint8Array) => ({ size: bytes.length, arrayBuffer: async () => bytes.slice().buffer });
  it('strips a byte-order mark and reports the parser’s message', async () => {
    expect(await readJsonFile(file(bytesOf('\uFEFF[1]')))).toEqual({ ok: true, json: [1] });
    const bad = await readJsonFile(file(bytesOf('nul')));
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/^This file is not JSON/) });
  });

  it('refuses bytes that are not UTF-8, with their offset, rather than repairing them', async () => {
    const broken = new Uint8Array([...bytesOf('{"title": "caf'), 0xe9, ...bytesOf('"}')]);
    expect(await readJsonFile(file(broken))).toEqual({
      ok: false,
      error: 'This file is not valid UTF-8 (byte 14): nothing was sent.',
    });
  });
});

/** Types an address into the subscribe form and submits it. */
async function submit(address: string) {
  const input = root.querySelector('#sub-url') as HTMLInputElement;
  await act(async () => {
    input.value = address;
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
  });
  await act(async () => {
    root
      .querySelector('form.subscribe')
      ?.dispatchEvent(new window.Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

describe('the options page: subscriptions', () => {
  it('asks for the origin’s permission in the click itself, then subscribes and lists the subscription', async () => {
    const f = fakeApi();
    await show(f.api);
    expect(root.textContent).toContain('No subscription.');
    await submit('https://packs.example.org/newsroom.json#latest');
    expect(f.calls).toEqual([
      'requestOrigin https://packs.example.org/*',
      'subscribe https://packs.example.org/newsroom.json',
    ]);
    const item = root.querySelector('[data-subscription="https://packs.example.org/newsroom.json"]');
    expect(item?.getAttribute('data-status')).toBe('updated');
    expect(item?.textContent).toContain('newsroom, version 4, 12 statements');
    expect(item?.textContent).toContain('checked every 24 h');
    expect(status()?.textContent).toContain('Subscribed: newsroom is installed');
  });

  it('refuses an address it cannot use without asking anything, and says when the permission is refused', async () => {
    const f = fakeApi();
    await show(f.api);
    await submit('http://packs.example.org/newsroom.json');
    expect(status()?.getAttribute('data-status')).toBe('error');
    expect(f.calls).toEqual([]);
    f.denyOrigins();
    await submit('https://packs.example.org/newsroom.json');
    expect(status()?.textContent).toContain('needs your permission to fetch packs from packs.example.org');
    expect(f.api.subscribe).not.toHaveBeenCalled();
  });

  it('Update now shows a failure with its reason; Unsubscribe forgets the address', async () => {
    const f = fakeApi();
    await show(f.api);
    await submit('https://packs.example.org/newsroom.json');
    await click(root.querySelector('[data-action="update-now"]'));
    expect(status()?.textContent).toContain('Nothing was changed: the server answered 503');
    const item = root.querySelector('[data-subscription]');
    expect(item?.getAttribute('data-status')).toBe('error');
    expect(item?.textContent).toContain('previous version kept — the server answered 503');
    await click(root.querySelector('[data-action="unsubscribe"]'));
    expect(root.querySelector('[data-subscription]')).toBeNull();
    expect(status()?.textContent).toContain('the pack stays installed');
  });
});

describe('the options page: the built-in subscription', () => {
  it('lists the seed pack first as built in, with its status and last update, and nothing to unsubscribe', async () => {
    const f = fakeApi();
    const builtin: Subscription = {
      url: 'builtin:counterpoint-seed',
      builtin: true,
      packId: 'counterpoint-seed',
      addedAt: '2026-12-06T01:00:00.000Z',
      checkedAt: '2026-12-07T01:00:00.000Z',
      updatedAt: '2026-12-06T01:00:00.000Z',
      status: 'unchanged',
      error: null,
      etag: null,
      lastModified: null,
      version: 4,
      claims: 111,
      intervalHours: 24,
    };
    const userSubs = f.api.listSubscriptions;
    f.api.listSubscriptions = async () => [builtin, ...(await userSubs())];
    await show(f.api);
    const item = root.querySelector('[data-subscription="builtin:counterpoint-seed"]');
    expect(item?.getAttribute('data-builtin')).toBe('true');
    expect(item?.textContent).toContain('Built in: the seed pack bundled with Counterpoint');
    expect(item?.textContent).toContain('counterpoint-seed, version 4, 111 statements');
    expect(item?.textContent).toContain('up to date');
    expect(item?.textContent).toMatch(/Last update .*2026/);
    expect(item?.textContent).not.toContain('checked every');
    expect(item?.querySelector('[data-action="unsubscribe"]')).toBeNull();
    expect(item?.querySelector('[data-action="update-now"]')).toBeNull();
    // The user's own subscriptions come after it, with their buttons.
    await submit('https://packs.example.org/newsroom.json');
    const items = [...root.querySelectorAll('[data-subscription]')];
    expect(items.map((li) => li.getAttribute('data-subscription'))).toEqual([
      'builtin:counterpoint-seed',
      'https://packs.example.org/newsroom.json',
    ]);
    expect(items[1]?.querySelector('[data-action="unsubscribe"]')).not.toBeNull();
  });
});

describe('the options page: MISP clusters', () => {
  /** A cluster file chosen in the MISP input. */
  async function chooseMisp(json: unknown) {
    const input = root.querySelector('input[data-import="misp"]');
    if (input === null) throw new Error('no MISP input');
    const text = JSON.stringify(json);
    Object.defineProperty(input, 'files', {
      configurable: true,
      value: [{ name: 'cluster.json', size: text.length, arrayBuffer: async () => bytesOf(text) }],
    });
    await act(async () => {
      input.dispatchEvent(new window.Event('change', { bubbles: true }));
    });
    await settle();
  }

  it('says which cluster a file was, lists each imported type, and removes one', async () => {
    const f = fakeApi();
    await show(f.api);
    expect(root.textContent).toContain('No MISP cluster imported.');
    await chooseMisp({ type: 'ransomware', name: 'Ransomware', values: [{ value: 'A' }, { value: 'B' }] });
    expect(status()?.getAttribute('data-misp-cluster')).toBe('ransomware');
    expect(status()?.textContent).toContain('ransomware cluster: 3 malware families the built-in table lacks');
    await chooseMisp({ name: 'Threat actors', values: [{ value: 'APT99' }] });
    expect(status()?.getAttribute('data-misp-cluster')).toBe('threat-actor');
    expect(status()?.textContent).toContain('3 groups read: 2 added');
    const listed = () =>
      [...root.querySelectorAll('li[data-misp-cluster]')].map((li) => li.getAttribute('data-misp-cluster'));
    expect(listed()).toEqual(['ransomware', 'threat-actor']);
    expect(root.querySelector('li[data-misp-cluster="ransomware"]')?.textContent).toContain(
      'Ransomware — MISP ransomware cluster, version 7: 2 entries, 2 actors added',
    );
    await click(root.querySelector('li[data-misp-cluster="ransomware"] [data-action="remove-misp"]'));
    expect(f.api.removeMispCluster).toHaveBeenCalledWith('ransomware');
    expect(listed()).toEqual(['threat-actor']);
    expect(status()?.textContent).toContain('The actors of the MISP ransomware cluster were removed.');
  });

  it('shows a refused cluster’s problem and lists nothing new', async () => {
    const f = fakeApi();
    f.api.importMisp = vi.fn(async () => ({
      ok: false as const,
      error: 'type: expected "threat-actor", "ransomware", "tool", got "sector"',
      issues: ['type: expected "threat-actor", "ransomware", "tool", got "sector"'],
    }));
    await show(f.api);
    await chooseMisp({ type: 'sector', values: [] });
    expect(status()?.getAttribute('data-status')).toBe('error');
    expect(root.querySelector('.issues li')?.textContent).toMatch(/^type: expected/);
    expect(root.querySelector('li[data-misp-cluster]')).toBeNull();
  });
});
