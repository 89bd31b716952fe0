import type { Page, Worker } from 'playwright-core';
import { SEED_PACK } from '../../../src/data/seed-pack';
import { type LoadedExtension, launchExtension } from './extension';
import { isolateNetwork, type NetworkLog, type RoutedPage } from './network';
import type { WorkerWatch } from './service-worker';

export interface SeededExtension {
  ext: LoadedExtension;
  /** The options page, open once the seed pack is installed. */
  options: Page;
  network: NetworkLog;
}

/** The extension with `pages` routed (nothing else reaches the network) and the seed pack installed. */
export async function launchSeeded(pages: RoutedPage[]): Promise<SeededExtension> {
  const ext = await launchExtension();
  const network = await isolateNetwork(ext.context, pages, [`chrome-extension://${ext.extensionId}`]);
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await options.locator(`tr[data-pack-id="${SEED_PACK.id}"]`).waitFor();
  return { ext, options, network };
}

/** The extension's service worker once DevTools reports it running. */
export async function runningServiceWorker(ext: LoadedExtension, worker: WorkerWatch): Promise<Worker> {
  await worker.waitFor('running');
  const sw = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
  if (sw === undefined) throw new Error('no service worker');
  return sw;
}
