/**
 * The background's detector with the actors of the imported MISP clusters:
 * read from IndexedDB when the worker starts and again after each import,
 * the detector built again only then. Detection asks `current()` at each job,
 * so a rebuilt detector is used from the next scan on. The detector comes from
 * `create` (in Chrome the NLP host reads, and the worker builds one only when
 * the host cannot answer); the actor table the matcher reads comes without it.
 */
import type { Gazetteer } from '@core/actors/gazetteer';
import { actorGazetteer } from '@core/actors/table';
import type { ActorRecord } from '@core/actors/types';
import { hash53 } from './db/claim-index';
import type { SegmentDetector } from './detect-queue';
import { NO_ACTORS } from './nlp-host/host';

export interface ImportedDetector<D extends Required<SegmentDetector>> {
  /** The detector for the actors read last (built on first use). */
  current(): D;
  /** The actor table (built-in and imported actors) read last, without a detector: states of actors. */
  gazetteer(): Gazetteer;
  /** What the service holds: each call goes to the current detector. */
  readonly delegate: SegmentDetector;
  /** Reads the imported actors again (after an import); resolves once the next detector will have them. */
  reload(): Promise<void>;
  /**
   * The imported actors once the last (re)load has read them (never rejects: a failure is logged),
   * and a key that changes with them (what the NLP host is told to read with).
   */
  snapshot(): Promise<{ key: string; actors: readonly ActorRecord[] }>;
}

export function createImportedDetector<D extends Required<SegmentDetector>>(
  readActors: () => Promise<readonly ActorRecord[]>,
  onError: (error: unknown) => void,
  create: (imported: readonly ActorRecord[]) => D,
): ImportedDetector<D> {
  let detector: D | undefined;
  let table: Gazetteer | undefined;
  let actors: readonly ActorRecord[] = [];
  let key = NO_ACTORS;
  const current = () => {
    detector ??= create(actors);
    return detector;
  };
  const load = () =>
    readActors().then((list) => {
      actors = list;
      key = list.length === 0 ? NO_ACTORS : `actors-${list.length}-${hash53(JSON.stringify(list)).toString(36)}`;
      detector = undefined;
      table = undefined;
    }, onError);
  let loading = load();
  return {
    current,
    gazetteer() {
      table ??= actorGazetteer(actors);
      return table;
    },
    delegate: {
      detectSegments: (segments) => current().detectSegments(segments),
      detectEach: (segments) => current().detectEach(segments),
    },
    reload() {
      loading = load();
      return loading;
    },
    async snapshot() {
      await loading;
      return { key, actors };
    },
  };
}
