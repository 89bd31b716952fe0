/**
 * The service worker's side of the NLP host (./host.ts): a `DetectQueue`
 * that hands each scan's sentences to the NLP host, and reads them here, with
 * the queue and detector of the worker itself, whenever the NLP host cannot
 * answer (no offscreen documents, as in Firefox; an NLP host that failed to
 * start, or closed). A page's scans are answered in the order they came,
 * whichever side reads them.
 */
import type { ActorRecord } from '@core/actors/types';
import { sentenceLang } from '@core/lang';
import type { Allegation, Lang, Segment } from '@core/types';
import type { HostRequest } from '@src/messaging/nlp-host-protocol';
import type { DetectQueue, SegmentDetector } from '../detect-queue';

export interface HostTransport {
  /**
   * Sends a message to the NLP host, starting it if needed (unless `open` is
   * false: then only to one already started); rejects when it cannot be
   * reached or does not answer.
   */
  send(message: HostRequest, options?: { open?: boolean }): Promise<unknown>;
}

export interface HostQueueDeps {
  /** The NLP host; null where there is none (every scan is read here). */
  transport: HostTransport | null;
  /** This worker's own queue, for scans the NLP host cannot take. */
  local: DetectQueue;
  /** Reads a library's data before the worker reads sentences itself (French's lexicon). */
  prepareLocal?: (langs: ReadonlySet<Lang>) => Promise<void>;
  /** The imported actors the detector reads, and a key that changes whenever they do. */
  actors: () => Promise<{ key: string; actors: readonly ActorRecord[] }>;
  log: { warn(...args: unknown[]): void };
  now?: () => number;
}

/** After the NLP host failed to answer, scans are read here for this long before it is tried again. */
export const HOST_RETRY_MS = 60_000;

/** The answer of a run, or why it is not one. */
function foundOf(answer: unknown): Allegation[] | null | 'needActors' | Error {
  if (typeof answer !== 'object' || answer === null) return new Error('the NLP host sent no answer');
  if ('needActors' in answer && answer.needActors === true) return 'needActors';
  if ('found' in answer && (answer.found === null || Array.isArray(answer.found)))
    return answer.found as Allegation[] | null;
  const error = 'error' in answer && typeof answer.error === 'string' ? answer.error : 'an answer of another shape';
  return new Error(`the NLP host refused: ${error}`);
}

export function createHostQueue(deps: HostQueueDeps): DetectQueue & { readonly remote: boolean } {
  /** Each tab's last run: the next one starts after it (answers keep the scans' order). */
  const chains = new Map<number, Promise<unknown>>();
  /** Bumped by `cancel`: a run that had not started by then resolves to null. */
  const epochs = new Map<number, number>();
  const waiting = new Map<number, number>();
  const now = deps.now ?? Date.now;
  /** When the host last failed to answer (each failure costs a try to open it): null while it answers. */
  let failedAt: number | null = null;

  /** Scans are read here for a while; said once, not for each scan read here meanwhile. */
  function failed(error: Error): Error {
    failedAt = now();
    deps.log.warn(`[counterpoint] the NLP host did not answer; reading here for ${HOST_RETRY_MS / 1000} s`, error);
    return error;
  }

  async function remote(
    tabId: number,
    segments: readonly Segment[],
    { key, actors }: { key: string; actors: readonly ActorRecord[] },
  ): Promise<Allegation[] | null | Error> {
    const transport = deps.transport;
    if (transport === null) return new Error('no NLP host');
    if (failedAt !== null && now() - failedAt < HOST_RETRY_MS) return new Error('the NLP host failed lately');
    try {
      const run: HostRequest = { type: 'nlpRun', tabId, segments: [...segments], actorsKey: key };
      let found = foundOf(await transport.send(run));
      if (found === 'needActors') {
        await transport.send({ type: 'nlpActors', key, actors: [...actors] });
        found = foundOf(await transport.send(run));
      }
      if (found === 'needActors') found = new Error('the NLP host keeps asking for its actors');
      if (found instanceof Error) return failed(found);
      failedAt = null;
      return found;
    } catch (error) {
      return failed(error instanceof Error ? error : new Error(String(error)));
    }
  }

  async function read(
    tabId: number,
    epoch: number,
    segments: readonly Segment[],
    detector: () => SegmentDetector,
  ): Promise<Allegation[] | null> {
    if ((epochs.get(tabId) ?? 0) !== epoch) return null;
    // Whichever side reads, it reads with the imported actors (a worker woken by a scan reads them first).
    const found = await remote(tabId, segments, await deps.actors());
    if ((epochs.get(tabId) ?? 0) !== epoch) return null;
    if (!(found instanceof Error)) return found;
    const langs = new Set(segments.map((s) => sentenceLang(s.text, 'und')));
    await deps
      .prepareLocal?.(langs)
      .catch((error: unknown) => deps.log.warn('[counterpoint] NLP data not read', error));
    if ((epochs.get(tabId) ?? 0) !== epoch) return null;
    return deps.local.run(tabId, segments, detector);
  }

  return {
    remote: deps.transport !== null,
    run(tabId, segments, detector) {
      const epoch = epochs.get(tabId) ?? 0;
      waiting.set(tabId, (waiting.get(tabId) ?? 0) + 1);
      const previous = chains.get(tabId) ?? Promise.resolve();
      const result = previous.then(
        () => read(tabId, epoch, segments, detector),
        () => read(tabId, epoch, segments, detector),
      );
      const settled = result.then(
        () => {},
        () => {},
      );
      chains.set(tabId, settled);
      void settled.then(() => {
        if (chains.get(tabId) === settled) chains.delete(tabId);
        const left = (waiting.get(tabId) ?? 1) - 1;
        if (left > 0) waiting.set(tabId, left);
        else {
          waiting.delete(tabId);
          epochs.delete(tabId);
        }
      });
      return result;
    },
    pending: (tabId) => waiting.get(tabId) ?? 0,
    cancel(tabId) {
      // Runs hold the epoch they started in: with none waiting, the tab needs no entry.
      if (waiting.has(tabId)) epochs.set(tabId, (epochs.get(tabId) ?? 0) + 1);
      else epochs.delete(tabId);
      deps.local.cancel(tabId);
      deps.transport?.send({ type: 'nlpCancel', tabId }, { open: false }).catch(() => {
        // No NLP host: nothing of this tab waits there.
      });
    },
  };
}
