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
