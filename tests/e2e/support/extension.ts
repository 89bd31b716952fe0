import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';

export const PROJECT_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** The build under test; COUNTERPOINT_OUT_DIR matches the variable wxt.config.ts reads. */
const OUT_DIR = join(PROJECT_DIR, process.env.COUNTERPOINT_OUT_DIR ?? '.output');
export const CHROME_BUILD_DIR = join(OUT_DIR, 'chrome-mv3');
export const FIREFOX_BUILD_DIR = join(OUT_DIR, 'firefox-mv2');
export const ARTIFACTS_DIR = join(PROJECT_DIR, 'tests', 'e2e', 'artifacts');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Fails early with the fix, rather than with a Playwright stack trace. */
export function assertPrerequisites(buildDir = CHROME_BUILD_DIR): void {
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${buildDir}: run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: run \`apt-get update && apt-get install -y chromium\` ` +
        '(never `playwright install`), or set CHROMIUM_PATH.',
    );
  }
}

export interface LaunchOptions {
  /** The browser's UI language (`fr`, `en-US`…). */
  lang?: string;
  /**
   * A profile to start in, kept on close (the caller removes it): a relaunch
   * with the same directory is a browser restart. By default a throw-away
   * profile, removed on close.
   */
  userDataDir?: string;
  /**
   * Developer mode on in chrome://extensions: Chromium disables an unpacked
   * extension that reloads (`runtime.reload()`, an update) without it.
   */
  developerMode?: boolean;
}

/** Turns developer mode on in the profile's preferences, before Chromium reads them. */
async function enableDeveloperMode(userDataDir: string): Promise<void> {
  const file = join(userDataDir, 'Default', 'Preferences');
  let prefs: { extensions?: { ui?: Record<string, unknown> } } = {};
  try {
    prefs = JSON.parse(await readFile(file, 'utf8')) as typeof prefs;
  } catch {
    // A new profile: no preferences yet.
  }
  prefs.extensions = { ...prefs.extensions, ui: { ...prefs.extensions?.ui, developer_mode: true } };
  await mkdir(join(userDataDir, 'Default'), { recursive: true });
  await writeFile(file, JSON.stringify(prefs));
}

/** Starts Chromium with the unpacked build in a profile (throw-away by default) and waits for its service worker. */
export async function launchExtension(
  buildDir = CHROME_BUILD_DIR,
  options: LaunchOptions = {},
): Promise<LoadedExtension> {
  assertPrerequisites(buildDir);
  const ownsProfile = options.userDataDir === undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'counterpoint-e2e-')));
  if (options.developerMode === true) await enableDeveloperMode(userDataDir);
  const removeProfile = () => (ownsProfile ? rm(userDataDir, { recursive: true, force: true }) : Promise.resolve());
  const context = await chromium.launchPersistentContext(userDataDir, {
    // The browser's UI language (what extension i18n follows): --lang, and LANGUAGE on Linux.
    ...(options.lang
      ? { locale: options.lang, env: { ...process.env, LANGUAGE: options.lang, LANG: `${options.lang}.UTF-8` } }
      : {}),
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${buildDir}`,
      `--load-extension=${buildDir}`,
      '--disable-gpu',
      // Containers often give /dev/shm only 64 MB.
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      serviceWorker,
      extensionId,
      async close() {
        await context.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await context.close();
    await removeProfile();
    throw new Error(`The extension's service worker did not start: ${String(error)}`);
  }
}
