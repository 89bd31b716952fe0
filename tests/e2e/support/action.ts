/**
 * The browser-level gestures Playwright cannot make: a click on the toolbar
 * button (which opens the popup and grants `activeTab` for the tab, as the
 * context menu and the keyboard commands do), through the DevTools protocol's
 * `Extensions.triggerAction`. It needs Chromium started with
 * --enable-unsafe-extension-debugging and a DevTools port, and a browser-level
 * session (the command acts on tab targets, not pages).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type CDPSession, chromium } from 'playwright-core';
import { assertPrerequisites, CHROME_BUILD_DIR, CHROMIUM_PATH, type LoadedExtension } from './extension';

export interface Toolbar {
  /** Clicks the extension's toolbar button on the tab showing `url`: the popup opens, activeTab is granted. */
  click(url: string): Promise<void>;
  /** Closes the open popups (a second click on the button would only close one). */
  closePopups(): Promise<void>;
  /** Leaves the DevTools connection. */
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** As `launchExtension`, in a browser whose toolbar button the test can click. */
export async function launchWithToolbar(buildDir = CHROME_BUILD_DIR): Promise<LoadedExtension & { toolbar: Toolbar }> {
  assertPrerequisites(buildDir);
  const userDataDir = await mkdtemp(join(tmpdir(), 'counterpoint-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${buildDir}`,
      `--load-extension=${buildDir}`,
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-unsafe-extension-debugging',
      '--remote-debugging-port=0',
    ],
  });
  const cleanUp = async () => {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    const serviceWorker =
      context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', {
        predicate: (w) => w.url().startsWith('chrome-extension://'),
        timeout: 30_000,
      }));
    const extensionId = new URL(serviceWorker.url()).host;
    const toolbar = await connectToolbar(userDataDir, extensionId);
    return {
      context,
      serviceWorker,
      extensionId,
      toolbar,
      async close() {
        await toolbar.close();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Connects to the DevTools port of the browser using `userDataDir`. */
async function connectToolbar(userDataDir: string, extensionId: string): Promise<Toolbar> {
  const [port] = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n');
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const session: CDPSession = await browser.newBrowserCDPSession();
  // Tab targets are listed only when asked for.
  const targets = async () =>
    (
      (await session.send('Target.getTargets', { filter: [{ type: 'tab' }, { type: 'page' }] } as never)) as {
        targetInfos: TargetInfo[];
      }
    ).targetInfos;
  return {
    async click(url) {
      const tab = (await targets()).find((t) => t.type === 'tab' && t.url === url);
      if (tab === undefined) throw new Error(`no tab at ${url}`);
      await session.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
    },
    async closePopups() {
      for (const t of await targets())
        if (t.url === `chrome-extension://${extensionId}/popup.html`)
          // A popup closes itself when it loses focus: one gone between the listing and here is what we want.
          await session.send('Target.closeTarget', { targetId: t.targetId }).catch((error: unknown) => {
            if (!/No target with given id/.test(String(error))) throw error;
          });
    },
    async close() {
      // The browser itself belongs to the persistent context, which closes it.
      await session.detach().catch(() => {});
    },
  };
}
