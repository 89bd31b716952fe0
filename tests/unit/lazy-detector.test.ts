// The service worker's own detector, bundled like the NLP libraries (src/tools/lazy-nlp.ts): in its
// own file, since the detector configures compromise's shared instance, which lazy-nlp.test.ts
// compares with the stock library.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';
import { lazyModule } from '../../src/tools/lazy-nlp';

const ROOT = resolve(__dirname, '..', '..');

describe('the lazy detector (counterpoint-lazy:detector)', () => {
  it('ships the detector for the service worker the same way, reaching the libraries through the worker’s own nlp-libs', async () => {
    const code = await lazyModule('detector', ROOT);
    // One copy of compromise in the worker: the detector's bundle asks for the worker's nlp-libs.
    expect(code.startsWith(`import * as nlpLibs from ${JSON.stringify(join(ROOT, 'src/core/nlp-libs.ts'))};`)).toBe(
      true,
    );
    for (const marker of ['PhrasalVerb', 'buildNet']) expect(code).not.toContain(marker);
    const dir = await mkdtemp(join(tmpdir(), 'counterpoint-lazy-'));
    try {
      const file = join(dir, 'detector.mjs');
      await writeFile(
        file,
        code.replace(
          'if (lib === undefined) {',
          'if (lib === undefined) { globalThis.__detectorEvaluations = (globalThis.__detectorEvaluations ?? 0) + 1;',
        ),
      );
      const mod = (await import(pathToFileURL(file).href)) as { default: () => { Detector: typeof Detector } };
      const g = globalThis as { __detectorEvaluations?: number };
      expect(g.__detectorEvaluations).toBeUndefined();
      const { Detector: Bundled } = mod.default();
      expect(mod.default().Detector).toBe(Bundled);
      expect(g.__detectorEvaluations).toBe(1);
      const text =
        'Officials in Canberra said hackers backed by Beijing had breached the network of the federal parliament.';
      const segments = [{ text, start: 0, end: text.length }];
      const found = new Bundled().detectSegments(segments);
      expect(found).toEqual(new Detector().detectSegments(segments));
      expect(found.map((a) => a.accused)).toEqual(['CN']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
