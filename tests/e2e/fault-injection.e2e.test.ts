/**
 * Fault injection (issue 10): the extension's service worker stopped through
 * the DevTools protocol in the middle of a scan — the page still ends up
 * highlighted — and in the middle of a large pack import — the import is all
 * or nothing, and the database keeps what it had.
 */
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PACK } from '../../src/data/seed-pack';
import { syntheticPack } from '../bench/synthetic-pack';
import type { LoadedExtension } from './support/extension';
import { fixtureHtml, loadExpectation, paintedKeys, readPainted, waitForScan } from './support/highlights';
import { launchSeeded, runningServiceWorker } from './support/seeded';
import { holdReportWrites, type WorkerWatch, watchServiceWorker } from './support/service-worker';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
};

const LESOIR = loadExpectation('lesoir-seed-004');

describe('fault injection: the service worker stopped mid-task', () => {
  let ext: LoadedExtension;
  let options: Page;
  let worker: WorkerWatch;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'counterpoint-faults-'));
    ({ ext, options } = await launchSeeded([{ url: LESOIR.url, html: fixtureHtml(LESOIR.fixture) }]));
    worker = await watchServiceWorker(options, ext.extensionId);
  });

  afterAll(async () => {
    await worker?.detach();
    await ext?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a scan whose answer is lost when the worker stops is asked again: the page ends up highlighted', async () => {
    // The scan's answer waits at the report's write (after detection, before the page hears back)…
    const sw = await runningServiceWorker(ext, worker);
    const writes = await holdReportWrites(sw);
    const page = await ext.context.newPage();
    await page.goto(LESOIR.url);
    await expect.poll(() => writes.held()).toBeGreaterThan(0);
    // …and the worker is stopped there, its answer never sent.
    await worker.stop();
    // The content script asks again; a new worker (without the hold) answers.
    expect(await waitForScan(page)).toBe(LESOIR.states[0]?.allegations);
    expect(paintedKeys(await readPainted(page))).toEqual(paintedKeys(LESOIR.states[0]?.highlighted ?? []));
    await page.close();
  });

  it('a large pack import stopped halfway leaves nothing of it, and the database as it was', async () => {
    const big = { ...syntheticPack(5_000), id: 'fault-big', title: 'Fault injection pack' };
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(big));
    await options.bringToFront();
    // The import's transaction is held open once its first claim is written: a request on
    // the same transaction is queued each time the last one ends, so it cannot commit, and
    // the worker is stopped while it is provably halfway (no race with a fast machine).
    const sw = await runningServiceWorker(ext, worker);
    await sw.evaluate(() => {
      const g = globalThis as unknown as { __holding: boolean };
      g.__holding = false;
      const add = IDBObjectStore.prototype.add;
      IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        const row = value as { packId?: unknown };
        if (!g.__holding && this.name === 'claims' && row.packId === 'fault-big') {
          g.__holding = true;
          const spin = (): void => {
            this.count().onsuccess = spin;
          };
          spin();
        }
        return add.call(this, value, key);
      };
    });
    await options.locator('input[data-import="pack"]').setInputFiles(file);
    // The page is waiting for the background's answer: the import is under way.
    await options.locator('main.options[aria-busy="true"]').waitFor();
    await expect
      .poll(() => sw.evaluate(() => (globalThis as unknown as { __holding: boolean }).__holding), {
        timeout: 60_000,
      })
      .toBe(true);
    await worker.stop();
    // The page hears that the background went away and says nothing was installed.
    await options.locator('[data-status="error"]').waitFor({ timeout: 30_000 });
    const listed = async () =>
      (await options.evaluate(() => chrome.runtime.sendMessage({ type: 'listPacks' }))) as {
        packs: Array<{ id: string; counts: { claims: number } }>;
      };
    const after = await listed();
    // All or nothing: the transaction never committed, so none of the pack is there.
    const imported = after.packs.find((p) => p.id === 'fault-big');
    expect(imported).toBeUndefined();
    expect(after.packs.find((p) => p.id === SEED_PACK.id)?.counts.claims).toBe(SEED_PACK.claims.length);
    const exported = (await options.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'exportPack', id: 'fault-big' }),
    )) as { pack: { claims: unknown[] } | null };
    expect(exported.pack).toBeNull();
    // And the same file installs whole when nothing interrupts it (the new worker has no hold).
    await options.locator('input[data-import="pack"]').setInputFiles(file);
    await options.locator('[data-status="ok"]').waitFor({ timeout: 120_000 });
    expect((await listed()).packs.find((p) => p.id === 'fault-big')?.counts.claims).toBe(big.claims.length);
  });
});
