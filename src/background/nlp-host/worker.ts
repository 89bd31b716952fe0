/**
 * The NLP host's worker (started by the offscreen document, entrypoints/nlp-host/):
 * holds the detector and answers the NLP host messages the document relays.
 * It builds the models and reads one sentence as soon as it starts, so that
 * the first page does not wait for that either.
 */
import { Detector } from '@core/detect';
import { createNlpPreparer, readJsonAt } from '../nlp-data';
import { createNlpHost } from './host';

interface Relayed {
  id: number;
  message: unknown;
}

const scope = self as unknown as {
  location: { origin: string };
  onmessage: ((event: { data: Relayed }) => void) | null;
  postMessage(data: { id: number; answer: unknown }): void;
};
const log = console;
const base = `${scope.location.origin}/`;
const host = createNlpHost({
  createDetector: (actors) => (actors.length > 0 ? new Detector({ actors }) : new Detector()),
  prepareNlp: createNlpPreparer(
    (file) => readJsonAt(base, file),
    (error) => log.warn('[counterpoint]', error),
  ),
  log,
});

scope.onmessage = (event) => {
  const { id, message } = event.data;
  host.handle(message).then(
    (answer) => scope.postMessage({ id, answer }),
    (error: unknown) => scope.postMessage({ id, answer: { error: String(error) } }),
  );
};
host.warmUp();
