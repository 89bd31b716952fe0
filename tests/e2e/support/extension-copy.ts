import { appendFile, cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROME_BUILD_DIR } from './extension';

/** What `runtime.onInstalled` passed, and the version that received it. */
export interface InstallEvent {
  reason: string;
  previousVersion?: string;
  version: string;
}

const PROBE_KEY = 'e2e:installed';

/**
 * Copies the Chrome build to `dir`, where a test can change it as an update
 * would. Chromium derives an unpacked extension's id from its path: the copy
 * keeps its id, and so its data, whatever the test writes into it.
 */
export async function copyBuild(dir: string): Promise<void> {
  await cp(CHROME_BUILD_DIR, dir, { recursive: true });
}

export async function setManifestVersion(dir: string, version: string): Promise<void> {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as { version: string };
  manifest.version = version;
  await writeFile(file, JSON.stringify(manifest));
}

/**
 * Adds a listener to the copy's service worker that records every
 * `runtime.onInstalled` in `storage.local`: the one fact of an update the
 * extension does not keep. It only listens, registered in the worker's first
 * turn like the extension's own listeners; the extension's code is untouched.
 */
export async function addInstallProbe(dir: string): Promise<void> {
  await appendFile(
    join(dir, 'background.js'),
    `\n;chrome.runtime.onInstalled.addListener((details) => {
  const key = ${JSON.stringify(PROBE_KEY)};
  chrome.storage.local.get(key).then((got) =>
    chrome.storage.local.set({ [key]: [...(got[key] ?? []), { ...details, version: chrome.runtime.getManifest().version }] }),
  );
});\n`,
  );
}

/** The install events the probe recorded, oldest first, read from an extension page. */
export async function installEvents(extensionPage: Page): Promise<InstallEvent[]> {
  return extensionPage.evaluate(async (key) => {
    const api = (
      globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }
    ).chrome;
    return ((await api.storage.local.get(key))[key] ?? []) as InstallEvent[];
  }, PROBE_KEY);
}
