import type { CDPSession, Page } from 'playwright-core';

/** A service worker's running status, as DevTools reports it. */
export type WorkerStatus = 'stopped' | 'starting' | 'running' | 'stopping';

interface WorkerVersion {
  versionId: string;
  registrationId: string;
  scriptURL: string;
  runningStatus: WorkerStatus;
  /** Lifecycle: `activated`, or `redundant` once a newer version replaced it. */
  status: string;
}

export interface WorkerWatch {
  /** The last status DevTools reported for the extension's worker (undefined before the first report). */
  status(): WorkerStatus | undefined;
  /** Resolves when the worker reaches `status` (at once if it is there). */
  waitFor(status: WorkerStatus, timeout?: number): Promise<void>;
  /** Stops the worker, as Chromium does when it is idle, and resolves once it is stopped. */
  stop(): Promise<void>;
  detach(): Promise<void>;
}

/**
 * Watches the extension's MV3 service worker through the DevTools
 * `ServiceWorker` domain of one of the extension's pages: its status is the
 * browser's own (`stopped` means the worker's global scope is gone), not a guess
 * from a delay.
 */
export async function watchServiceWorker(page: Page, extensionId: string): Promise<WorkerWatch> {
  const scope = `chrome-extension://${extensionId}/`;
  const session: CDPSession = await page.context().newCDPSession(page);
  let current: WorkerVersion | undefined;
  const waiters = new Set<() => void>();
  session.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    // The newest version of the extension's registration is the one that runs.
    const ours = event.versions.filter((v) => v.scriptURL.startsWith(scope) && v.status !== 'redundant');
    const last = ours.at(-1);
    if (last === undefined) return;
    current = last;
    for (const wake of waiters) wake();
  });
  await session.send('ServiceWorker.enable');

  const waitFor = (status: WorkerStatus, timeout = 20_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (current?.runningStatus !== status) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`the service worker did not reach "${status}" (last: ${current?.runningStatus ?? 'none'})`));
      }, timeout);
      waiters.add(check);
      check();
    });

  return {
    status: () => current?.runningStatus,
    waitFor,
    async stop() {
      // The first report arrives just after `enable`.
      if (current === undefined) await waitFor('running');
      const versionId = current?.versionId;
      if (versionId === undefined) throw new Error('no service worker to stop');
      await session.send('ServiceWorker.stopWorker', { versionId });
      await waitFor('stopped');
    },
    detach: () => session.detach(),
  };
}

/** What `holdReportWrites` gives back: how many writes wait, and the release of all of them. */
export interface HeldWrites {
  held(): Promise<number>;
  /** Lets every held write (and later ones) through. */
  release(): Promise<void>;
}

/**
 * Holds the worker's `storage.session` writes (the tab reports) until
 * `release`: a scan's answer waits there, after detection and before the
 * page hears back (the background keeps a report before it answers).
 * `sw` is the worker as Playwright sees it.
 */
export async function holdReportWrites(sw: { evaluate<R>(fn: () => R | Promise<R>): Promise<R> }): Promise<HeldWrites> {
  await sw.evaluate(() => {
    const api = (globalThis as unknown as { chrome: { storage: { session: Record<string, unknown> } } }).chrome;
    const g = globalThis as unknown as { __held: Array<() => void>; __sessionSet: unknown };
    g.__held = [];
    const original = api.storage.session.set as (items: unknown, callback?: () => void) => Promise<void> | undefined;
    g.__sessionSet = original;
    // Promise or callback, whichever the caller waits on.
    api.storage.session.set = (items: unknown, callback?: () => void) =>
      new Promise<void>((resolve) => {
        g.__held.push(() => {
          void Promise.resolve(original.call(api.storage.session, items)).then(() => {
            callback?.();
            resolve();
          });
        });
      });
  });
  return {
    held: () => sw.evaluate(() => (globalThis as unknown as { __held: unknown[] }).__held.length),
    release: () =>
      sw.evaluate(() => {
        const api = (globalThis as unknown as { chrome: { storage: { session: Record<string, unknown> } } }).chrome;
        const g = globalThis as unknown as { __held: Array<() => void>; __sessionSet: unknown };
        api.storage.session.set = g.__sessionSet;
        for (const release of g.__held.splice(0)) release();
      }),
  };
}
