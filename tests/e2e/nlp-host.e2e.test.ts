/**
 * The NLP host (src/background/nlp-host/): in Chromium, the sentences are read
 * in an offscreen document's worker, which outlives the service worker, so a
 * cold start of the service worker finds the models built. What the page
 * gets is the same whichever side reads: the expected highlights of Le Soir's
 * seed article, every time. Who read is told by French's lexicon: it is
 * handed to the global scope of whoever reads a French sentence
 * (src/core/nlp-libs.lazy.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedExtension } from './support/extension';
import { fixtureHtml, loadExpectation, paintedKeys, readPainted, waitForScan } from './support/highlights';
import { launchSeeded, runningServiceWorker } from './support/seeded';
import { type WorkerWatch, watchServiceWorker } from './support/service-worker';

interface Context {
  documentId: string;
  documentUrl: string;
}
declare const chrome: {
  runtime: { getContexts(filter: { contextTypes: string[] }): Promise<Context[]> };
  offscreen: { closeDocument(): Promise<void>; createDocument(parameters: unknown): Promise<void> };
};

const LESOIR = loadExpectation('lesoir-seed-004');
const FR_LEXICON = 'counterpoint.fr-lexicon';

describe('the NLP host (Chromium: an offscreen document)', () => {
  let ext: LoadedExtension;
  let options: Page;
  let worker: WorkerWatch;

  beforeAll(async () => {
    ({ ext, options } = await launchSeeded([{ url: LESOIR.url, html: fixtureHtml(LESOIR.fixture) }]));
    worker = await watchServiceWorker(options, ext.extensionId);
  });

  afterAll(async () => {
    await worker?.detach();
    await ext?.close();
  });

  const serviceWorker = () => runningServiceWorker(ext, worker);

  const hostDocuments = async () =>
    (await serviceWorker()).evaluate(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }));
  const readFrenchHere = async () =>
    (await serviceWorker()).evaluate((key) => Symbol.for(key) in globalThis, FR_LEXICON);

  /** Le Soir's article, highlighted exactly as expected. */
  async function readLeSoir(): Promise<void> {
    const page = await ext.context.newPage();
    await page.goto(LESOIR.url);
    expect(await waitForScan(page)).toBe(LESOIR.states[0]?.allegations);
    expect(paintedKeys(await readPainted(page))).toEqual(paintedKeys(LESOIR.states[0]?.highlighted ?? []));
    await page.close();
  }

  it('reads the page in the NLP host, whose document outlives a stop of the service worker', async () => {
    await readLeSoir();
    const [host, ...more] = await hostDocuments();
    expect(more).toHaveLength(0);
    expect(host?.documentUrl).toBe(`chrome-extension://${ext.extensionId}/nlp-host.html`);
    // The service worker read no French sentence itself.
    expect(await readFrenchHere()).toBe(false);

    await worker.stop();
    await readLeSoir();
    expect((await hostDocuments()).map((c) => c.documentId)).toEqual([host?.documentId]);
    expect(await readFrenchHere()).toBe(false);
  });

  it('opens the NLP host again when its document was closed (it closes itself when idle)', async () => {
    await (await serviceWorker()).evaluate(() => chrome.offscreen.closeDocument());
    expect(await hostDocuments()).toEqual([]);
    await readLeSoir();
    expect(await hostDocuments()).toHaveLength(1);
    expect(await readFrenchHere()).toBe(false);
  });

  it('reads the page itself when the NLP host cannot be opened', async () => {
    await (await serviceWorker()).evaluate(async () => {
      await chrome.offscreen.closeDocument();
      chrome.offscreen.createDocument = async () => {
        throw new Error('refused by the test');
      };
    });
    await readLeSoir();
    expect(await hostDocuments()).toEqual([]);
    // The control: the service worker did read French itself this time.
    expect(await readFrenchHere()).toBe(true);
    // A new start of the service worker opens the NLP host again.
    await worker.stop();
    await readLeSoir();
    expect(await hostDocuments()).toHaveLength(1);
  });
});
