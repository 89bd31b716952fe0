/**
 * The NLP host: the NLP side of the background, answering the service worker's
 * NLP host messages (src/messaging/nlp-host-protocol.ts). In Chrome it lives in a
 * worker of an offscreen document, which the browser does not stop when it
 * stops the idle service worker: the service worker's next start finds the
 * models built, the gazetteer compiled and the code warm (the first answer
 * after a cold start of the service worker no longer waits ~150 ms for them).
 * Pure logic: the transport is the caller's (entrypoints/nlp-host/).
 */
import type { ActorRecord } from '@core/actors/types';
import { sentenceLang } from '@core/lang';
import type { Lang } from '@core/types';
import { type HostResponse, validateHostRequest } from '@src/messaging/nlp-host-protocol';
import { createDetectQueue, type DetectQueue, type SegmentDetector } from '../detect-queue';

/** The key of the empty actor list: an NLP host starts with it. */
export const NO_ACTORS = 'none';

export interface HostDeps {
  /** A detector with the built-in actors and these (imported) ones. */
  createDetector(actors: readonly ActorRecord[]): SegmentDetector;
  /** Reads the data a library takes before its first use (French's lexicon); never throws. */
  prepareNlp?(langs: ReadonlySet<Lang>): Promise<void>;
  queue?: DetectQueue;
  log: { warn(...args: unknown[]): void };
}

export interface NlpHost {
  /** Answers one NLP host message (checked here: a refused one gets `{ error }`). */
  handle(message: unknown): Promise<HostResponse>;
  /** Builds the detector and reads one English sentence: what the first scan would otherwise wait for. */
  warmUp(): void;
}

/** A sentence that takes the English path through the detector: gazetteer, tagging, extraction. */
const WARM_UP_SENTENCE =
  'The ministry said on Tuesday that hackers working for a foreign state had targeted its network.';

export function createNlpHost(deps: HostDeps): NlpHost {
  const queue = deps.queue ?? createDetectQueue();
  let actorsKey = NO_ACTORS;
  let actors: readonly ActorRecord[] = [];
  let detector: SegmentDetector | undefined;
  const current = () => {
    detector ??= deps.createDetector(actors);
    return detector;
  };
  /** Each tab's last run waiting for the NLP's data: runs of a tab reach the queue in the order they came. */
  const gates = new Map<number, Promise<void>>();
  /** Bumped by a cancel: a run that came before it and waits at its gate is dropped there. */
  const epochs = new Map<number, number>();

  return {
    async handle(message) {
      const checked = validateHostRequest(message);
      if (!checked.ok) return { error: checked.reason };
      const request = checked.value;
      switch (request.type) {
        case 'nlpActors':
          actorsKey = request.key;
          actors = request.actors;
          detector = undefined;
          return { ok: true };
        case 'nlpCancel':
          if (gates.has(request.tabId)) epochs.set(request.tabId, (epochs.get(request.tabId) ?? 0) + 1);
          queue.cancel(request.tabId);
          return { ok: true };
        case 'nlpRun': {
          if (request.actorsKey !== actorsKey) return { needActors: true };
          const { tabId, segments } = request;
          const epoch = epochs.get(tabId) ?? 0;
          const langs = new Set(segments.map((s) => sentenceLang(s.text, 'und')));
          const gate = (gates.get(tabId) ?? Promise.resolve())
            .then(() => deps.prepareNlp?.(langs))
            .catch((error: unknown) => deps.log.warn('[counterpoint] NLP data not read', error));
          gates.set(tabId, gate);
          await gate;
          if (gates.get(tabId) === gate) gates.delete(tabId);
          const dropped = (epochs.get(tabId) ?? 0) !== epoch;
          // No run of the tab left at its gate: none needs the count any more.
          if (!gates.has(tabId)) epochs.delete(tabId);
          if (dropped) return { found: null };
          return { found: await queue.run(tabId, segments, current) };
        }
      }
    },
    warmUp() {
      const d = current();
      d.detectSegments([{ text: WARM_UP_SENTENCE, start: 0, end: WARM_UP_SENTENCE.length }]);
    },
  };
}
