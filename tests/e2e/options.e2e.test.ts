/**
 * The options page in Chromium (issue 11): the built-in seed pack listed as a
 * built-in subscription; a pack file installed from it is matched on a page;
 * a bad file changes nothing and lists its problems by path; a removed pack
 * comes back with Undo; the MISP galaxy's threat-actor cluster and a
 * ransomware cluster import, and a page naming what only they know is then
 * highlighted; a site switched off there is left alone.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PACK } from '../../src/data/seed-pack';
import { ARTIFACTS_DIR, type LoadedExtension } from './support/extension';
import { fixtureHtml, loadExpectation, readPainted, waitForScan } from './support/highlights';
import type { NetworkLog } from './support/network';
import { newsroomPack } from './support/newsroom-pack';
import { PopupPage } from './support/popup-page';
import { launchSeeded } from './support/seeded';

declare const chrome: {
  tabs: { query(q: { url?: string }): Promise<Array<{ id?: number }>> };
};

const LESOIR = loadExpectation('lesoir-seed-004');
const MISP_THREAT_ACTORS = join(import.meta.dirname, '../../../shared/data/misp-galaxy/threat-actor.json');
/** A group of the MISP threat-actor cluster that the built-in actors do not know. */
const MISP_ONLY_GROUP = 'Scarlet Mimic';
/** A made-up ransomware family, in a hand-written cluster. */
const MADE_UP_FAMILY = 'Quillcrypt';

/** A page on a built-in news site whose one allegation names `actor`. */
function articleNaming(actor: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dallas</title></head><body><main><article>
<h1>The Dallas attack</h1>
<p>The FBI blamed ${actor} for the cyberattack on the city of Dallas.</p>
<p>The city said its services were restored within a week.</p>
</article></main></body></html>`;
}

/** A MISP galaxy ransomware cluster (the galaxy's file shape) with one notable family no built-in table has. */
function ransomwareCluster() {
  return {
    type: 'ransomware',
    name: 'Ransomware',
    uuid: '00000000-0000-4000-8000-000000000000',
    version: 999,
    values: [
      {
        value: MADE_UP_FAMILY,
        description: 'A made-up family for this test.',
        meta: {
          synonyms: ['Quill Locker'],
          refs: ['https://vendor.example.com/quillcrypt', 'https://news.example.org/quillcrypt'],
        },
      },
    ],
  };
}

/** A newsroom's pack: one new statement by a made-up fact-checking desk about the APT31 campaign. */
describe('the options page', () => {
  let ext: LoadedExtension;
  let network: NetworkLog;
  let options: Page;
  let dir: string;

  const rowIds = () =>
    options.locator('tr[data-pack-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-pack-id')));
  const status = () => options.locator('[role="status"]');

  beforeAll(async () => {
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'counterpoint-options-'));
    ({ ext, options, network } = await launchSeeded([{ url: LESOIR.url, html: fixtureHtml(LESOIR.fixture) }]));
  });

  afterAll(async () => {
    await ext?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is the extension’s options page, and lists the built-in pack, which cannot be removed', async () => {
    const manifest = await ext.serviceWorker.evaluate(() =>
      (
        globalThis as unknown as { chrome: { runtime: { getManifest(): { options_ui?: { page: string } } } } }
      ).chrome.runtime.getManifest(),
    );
    expect(manifest.options_ui?.page).toBe('options.html');
    expect(await rowIds()).toEqual([SEED_PACK.id]);
    await expect(
      options.locator(`tr[data-pack-id="${SEED_PACK.id}"] [data-action="remove"]`).isDisabled(),
    ).resolves.toBe(true);
    // Installed as the built-in subscription, from the copy in the extension: listed first, with nothing to unsubscribe.
    const builtin = options.locator('[data-subscription][data-builtin="true"]');
    await expect(builtin.getAttribute('data-subscription')).resolves.toBe(`builtin:${SEED_PACK.id}`);
    expect(await builtin.getAttribute('data-status')).toMatch(/^(updated|unchanged)$/);
    expect(await builtin.textContent()).toContain(`${SEED_PACK.id}, version ${SEED_PACK.version}`);
    expect(await builtin.locator('[data-action="unsubscribe"], [data-action="update-now"]').count()).toBe(0);
  });

  it('installs a pack from a file, and its statement answers the allegation on the page', async () => {
    const file = join(dir, 'newsroom.json');
    writeFileSync(file, JSON.stringify(newsroomPack()));
    await options.locator('input[data-import="pack"]').setInputFiles(file);
    await options.locator('tr[data-pack-id="e2e-newsroom"]').waitFor();
    expect(await status().getAttribute('data-status')).toBe('ok');
    await options.screenshot({ path: join(ARTIFACTS_DIR, 'options.png'), fullPage: false });

    const page = await ext.context.newPage();
    await page.goto(LESOIR.url);
    await waitForScan(page);
    const tabs = await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), 'https://www.lesoir.be/*');
    const popup = await PopupPage.open(ext.context, ext.extensionId, tabs[0]?.id ?? -1);
    const ids = (await popup.allegations()).flatMap((a) => a.claimIds);
    expect(ids).toContain('e2e-newsroom/e2e-claim-1');
    await popup.page.close();
    await page.close();
  });

  it('switches a pack off: kept installed, its statement no longer offered; on again, offered again', async () => {
    const offered = async () => {
      const page = await ext.context.newPage();
      await page.goto(LESOIR.url);
      await waitForScan(page);
      const tabs = await ext.serviceWorker.evaluate((url) => chrome.tabs.query({ url }), LESOIR.url);
      const popup = await PopupPage.open(ext.context, ext.extensionId, tabs.at(-1)?.id ?? -1);
      const ids = (await popup.allegations()).flatMap((a) => a.claimIds);
      await popup.page.close();
      await page.close();
      return ids;
    };
    const box = options.locator('tr[data-pack-id="e2e-newsroom"] [data-action="enable"]');
    await box.uncheck();
    await options.locator('tr[data-pack-id="e2e-newsroom"][data-enabled="false"]').waitFor();
    // The background hears the setting change; the next page's lookups leave the pack out.
    await expect
      .poll(async () => (await offered()).includes('e2e-newsroom/e2e-claim-1'), { timeout: 20_000 })
      .toBe(false);
    await box.check();
    await expect
      .poll(async () => (await offered()).includes('e2e-newsroom/e2e-claim-1'), { timeout: 20_000 })
      .toBe(true);
  });

  it('refuses a bad file whole and lists its problems by path', async () => {
    const pack = newsroomPack();
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...pack, id: 'e2e-bad', claims: [{ ...pack.claims[0], date: 'last week' }] }));
    await options.locator('input[data-import="pack"]').setInputFiles(file);
    await options.locator('[data-status="error"]').waitFor();
    expect(await options.locator('.issues li').first().textContent()).toMatch(/^claims\[0\]\.date/);
    expect(await rowIds()).toEqual([SEED_PACK.id, 'e2e-newsroom']);
  });

  it('removes a pack, and Undo reinstalls it', async () => {
    await options.locator('tr[data-pack-id="e2e-newsroom"] [data-action="remove"]').click();
    await options.locator('tr[data-pack-id="e2e-newsroom"]').waitFor({ state: 'detached' });
    await options.locator('button.undo').click();
    await options.locator('tr[data-pack-id="e2e-newsroom"]').waitFor();
    expect(await rowIds()).toEqual([SEED_PACK.id, 'e2e-newsroom']);
  });

  /** What the popup lists for a fresh visit of `url`: each allegation's accused. */
  async function accusedOnVisit(url: string): Promise<string[]> {
    const page = await ext.context.newPage();
    await page.goto(url);
    await waitForScan(page);
    const tabs = await ext.serviceWorker.evaluate((u) => chrome.tabs.query({ url: u }), url);
    const popup = await PopupPage.open(ext.context, ext.extensionId, tabs.at(-1)?.id ?? -1);
    const accused = (await popup.allegations()).map((a) => a.accused);
    await popup.page.close();
    await page.close();
    return accused;
  }

  it('imports the MISP galaxy’s threat-actor cluster; a group only it knows is then found on a page', async () => {
    const url = 'https://www.lesoir.be/e2e/misp-threat-actor.html';
    network.serve(url, articleNaming(MISP_ONLY_GROUP));
    expect(await accusedOnVisit(url)).toEqual([]);
    await options.bringToFront();
    await options.locator('input[data-import="misp"]').setInputFiles(MISP_THREAT_ACTORS);
    await options.locator('[data-status="ok"][data-misp-cluster="threat-actor"]', { hasText: 'groups read' }).waitFor();
    expect(await status().textContent()).toMatch(/\d+ groups read: \d+ added/);
    await options.locator('li[data-misp-cluster="threat-actor"]').waitFor();
    expect(await accusedOnVisit(url)).toEqual([MISP_ONLY_GROUP]);
  });

  it('imports a MISP ransomware cluster; a family only it knows is highlighted, and no longer once removed', async () => {
    const url = 'https://www.lesoir.be/e2e/misp-ransomware.html';
    network.serve(url, articleNaming(MADE_UP_FAMILY));
    expect(await accusedOnVisit(url)).toEqual([]);
    const file = join(dir, 'ransomware.json');
    writeFileSync(file, JSON.stringify(ransomwareCluster()));
    await options.bringToFront();
    await options.locator('input[data-import="misp"]').setInputFiles(file);
    await options.locator('[data-status="ok"][data-misp-cluster="ransomware"]').waitFor();
    expect(await status().textContent()).toMatch(/ransomware cluster: 1 malware famil/);
    const listed = options.locator('li[data-misp-cluster="ransomware"]');
    expect(await listed.textContent()).toContain('version 999: 1 entries, 1 actors added');

    const page = await ext.context.newPage();
    await page.goto(url);
    expect(await waitForScan(page)).toBe(1);
    const painted = await readPainted(page);
    expect(painted.map((p) => p.text).join(' ')).toContain(MADE_UP_FAMILY);
    await page.close();
    expect(await accusedOnVisit(url)).toEqual([MADE_UP_FAMILY]);

    await options.bringToFront();
    await listed.locator('[data-action="remove-misp"]').click();
    await listed.waitFor({ state: 'detached' });
    expect(await accusedOnVisit(url)).toEqual([]);
  });

  it('switches a built-in site off and on again: the page’s highlights go and come back', async () => {
    const page = await ext.context.newPage();
    await page.goto(LESOIR.url);
    await waitForScan(page);
    await options.bringToFront();
    await options.locator('[data-sites="builtin"] input[data-site="lesoir.be"]').uncheck();
    await page.waitForFunction(() => !document.documentElement.hasAttribute('data-counterpoint-allegations'), null, {
      timeout: 10_000,
    });
    await options.locator('[data-sites="builtin"] input[data-site="lesoir.be"]').check();
    expect(await waitForScan(page)).toBe(LESOIR.states[0]?.allegations);
    await page.close();
  });

  it('subscribes to a pack by address, keeps it when an update is broken, and updates it when a newer one comes', async () => {
    const address = 'https://www.lesoir.be/counterpoint-packs/newsroom.json';
    const v1 = { ...newsroomPack(), id: 'e2e-subscribed', version: 1 };
    network.serve(address, JSON.stringify(v1));
    await options.bringToFront();
    await options.locator('#sub-url').fill(address);
    await options.locator('form.subscribe button[type="submit"]').click();
    const item = options.locator(`[data-subscription="${address}"]`);
    await options.locator(`[data-subscription="${address}"][data-status="updated"]`).waitFor();
    await options.locator('tr[data-pack-id="e2e-subscribed"]').waitFor();
    expect(await options.locator('tr[data-pack-id="e2e-subscribed"] .source').textContent()).toBe(address);
    // A broken file at the address: the installed version stays, and the page says why.
    network.serve(address, '{"format": "counterpoint-claim-pack", "truncated');
    await item.locator('[data-action="update-now"]').click();
    await options.locator(`[data-subscription="${address}"][data-status="error"]`).waitFor();
    expect(await item.textContent()).toMatch(/not JSON/);
    expect(await options.locator('tr[data-pack-id="e2e-subscribed"] td').nth(1).textContent()).toBe('1');
    // A newer version replaces it.
    network.serve(address, JSON.stringify({ ...v1, version: 2 }));
    await item.locator('[data-action="update-now"]').click();
    await options.locator(`[data-subscription="${address}"][data-status="updated"]`).waitFor();
    await expect.poll(() => options.locator('tr[data-pack-id="e2e-subscribed"] td').nth(1).textContent()).toBe('2');
    expect(network.requests.filter((r) => r === address)).toHaveLength(3);
  });

  it('sends nothing anywhere', () => {
    expect(network.blocked).toEqual([]);
  });
});
