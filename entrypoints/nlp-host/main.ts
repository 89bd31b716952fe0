import { startHostDocument } from '@src/background/nlp-host/document';
import workerUrl from '@src/background/nlp-host/worker?worker&url';

startHostDocument(() => new Worker(workerUrl, { type: 'module' }));
