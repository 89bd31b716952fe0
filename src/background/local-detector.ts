/**
 * The service worker's own detector, for the scans the NLP host cannot take
 * (Firefox, which has no offscreen documents; a host that failed). In the
 * extension's builds the detector's code is evaluated at its first use only
 * (src/tools/lazy-nlp.ts): a worker whose host reads starts without it.
 */

import loadDetector from 'counterpoint-lazy:detector';
import type { ActorRecord } from '@core/actors/types';
import type { Detector } from '@core/detect';

export function createLocalDetector(actors: readonly ActorRecord[]): Detector {
  const lib = (loadDetector as () => { Detector: typeof Detector })();
  return actors.length > 0 ? new lib.Detector({ actors }) : new lib.Detector();
}
