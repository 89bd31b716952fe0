import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import nlpThree from 'compromise';
import nlpTwo from 'compromise/two';
import { describe, expect, it } from 'vitest';
import nlpFr from '../../src/core/fr-compromise.js';
import { FR_LEXICON_KEY } from '../../src/core/nlp-data';
import {
  frLexiconData,
  frLexiconModuleSource,
  patchedExtendSource,
  snapshotModelSource,
} from '../../src/tools/compromise-snapshot';
import { lazyModule, lazyNlp } from '../../src/tools/lazy-nlp';

const ROOT = resolve(__dirname, '../..');

/** What the tests read of a compromise library: terms, tags and offsets. */
type Tagger = (text: string) => { json(options: { offset: boolean }): Array<{ terms: JsonTerm[] }> };
interface JsonTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
const terms = (lib: Tagger, text: string) =>
  lib(text)
    .json({ offset: true })
    .map((s) => s.terms.map((t) => [t.text, t.tags, t.offset.start, t.offset.length]));

/** Every labelled sentence of `lang` in tests/fixtures (each set's `<lang>.jsonl`). */
function labelledSentences(lang: 'en' | 'fr'): string[] {
  return readdirSync(join(ROOT, 'tests/fixtures'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      let text = '';
      try {
        text = readFileSync(join(ROOT, 'tests/fixtures', d.name, `${lang}.jsonl`), 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => (JSON.parse(l) as { text: string }).text);
    });
}

describe('lazy NLP libraries in the extension builds (src/tools/lazy-nlp.ts)', () => {
  it('swaps src/core/nlp-libs.ts for its lazy twin, from any importer, and nothing else', () => {
    const plugin = lazyNlp(ROOT);
    const lazy = resolve(ROOT, 'src/core/nlp-libs.lazy.ts');
    expect(plugin.resolveId('./nlp-libs', resolve(ROOT, 'src/core/nlp.ts'))).toBe(lazy);
    expect(plugin.resolveId('../nlp-libs', resolve(ROOT, 'src/core/actors/family-rules.ts'))).toBe(lazy);
    expect(plugin.resolveId('./nlp-libs.lazy', resolve(ROOT, 'src/core/x.ts'))).toBeNull();
    expect(plugin.resolveId('compromise', resolve(ROOT, 'src/core/nlp.ts'))).toBeNull();
    expect(plugin.resolveId('./nlp-libs', resolve(ROOT, 'src/other/x.ts'))).toBeNull();
    expect(plugin.resolveId('counterpoint-lazy:compromise', undefined)).toBe('\0counterpoint-lazy:compromise');
  });

  it('ships the library inside a function that runs once, at the first call', async () => {
    const code = await lazyModule('compromise', ROOT);
    // Nothing at the module's top level but the cache and the loader.
    expect(code.startsWith('let lib;\nexport default function load() {\n  if (lib === undefined) {\n')).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'counterpoint-lazy-'));
    try {
      // A counter the library's evaluation cannot touch: the module is evaluated, the loader not called.
      const file = join(dir, 'lazy.mjs');
      await writeFile(
        file,
        code
          .replace('let lib;', 'let lib; globalThis.__lazyEvaluations = 0;')
          .replace('if (lib === undefined) {', 'if (lib === undefined) { globalThis.__lazyEvaluations++;'),
      );
      const mod = (await import(pathToFileURL(file).href)) as { default: () => (t: string) => { json(): unknown } };
      const g = globalThis as { __lazyEvaluations?: number };
      expect(g.__lazyEvaluations).toBe(0);
      const nlp = mod.default();
      expect(mod.default()).toBe(nlp);
      expect(g.__lazyEvaluations).toBe(1);
      const json = nlp('Hackers breached the ministry.').json() as Array<{
        terms: Array<{ text: string; tags: string[] }>;
      }>;
      expect(json[0]?.terms.find((t) => t.text === 'breached')?.tags).toContain('Verb');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is the only road to the libraries: no other module of src/ imports them (one eager import would undo it)', () => {
    const files = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) =>
      /\.(?:ts|tsx|js)$/.test(f),
    );
    const importers = files.filter((f) =>
      /from\s+['"](?:compromise|fr-compromise)(?:\/[^'"]*)?['"]|from\s+['"][./]*fr-compromise\.js['"]/.test(
        readFileSync(join(ROOT, 'src', f), 'utf8'),
      ),
    );
    expect(importers.sort()).toEqual([join('core', 'fr-compromise.js'), join('core', 'nlp-libs.ts')]);
  });

  it('refuses a package it was not made for', async () => {
    await expect(lazyModule('left-pad', ROOT)).rejects.toThrow(/not one of compromise, fr-compromise/);
  });

  describe("the extension's compromise: the lexicon shipped expanded (src/tools/compromise-snapshot.ts)", () => {
    interface Lib extends Tagger {
      model(): {
        one: { lexicon: object; _multiCache: object; frozenLex: object };
        two: { switches: object; uncountable: object };
      };
    }
    const englishSentences = () => labelledSentences('en');

    it('tags every labelled English sentence exactly as the stock library, with the same lexicon', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'counterpoint-snapshot-'));
      try {
        const file = join(dir, 'compromise.mjs');
        await writeFile(file, await lazyModule('compromise', ROOT));
        const patched = ((await import(pathToFileURL(file).href)) as { default: () => Lib }).default();
        const stock = nlpTwo as unknown as Lib;
        const three = nlpThree as unknown as Lib;
        expect(patched).not.toBe(stock);
        // What the snapshot replaces: the words, multi-word terms, frozen terms, ambiguous words and uncountables.
        const expanded = (lib: Lib) => {
          const { one, two } = lib.model();
          return JSON.stringify([one.lexicon, one._multiCache, one.frozenLex, two.switches, two.uncountable]);
        };
        expect(expanded(patched)).toBe(expanded(stock));
        expect(Object.keys(patched.model().one.lexicon).length).toBeGreaterThan(20_000);
        const sentences = englishSentences();
        expect(sentences.length).toBeGreaterThan(1500);
        let compared = 0;
        for (const text of sentences) {
          const got = terms(patched, text);
          expect(got, text).toEqual(terms(stock, text));
          // compromise/two is the default build's tagger: the phrase-level API it leaves out adds no tag.
          expect(got, text).toEqual(terms(three, text));
          compared++;
        }
        expect(compared).toBe(sentences.length);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it('fails the build when compromise no longer holds the code a patch replaces', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'counterpoint-snapshot-'));
      try {
        const model = join(dir, 'model.mjs');
        await writeFile(model, "import { lexicon } from './lexicon.js'\nexport default { one: {}, two: {} }\n");
        await expect(snapshotModelSource(model)).rejects.toThrow(/no longer holds exactly one/);
        const extend = join(dir, 'extend.mjs');
        await writeFile(extend, 'export default function mergeDeep(a, b) { return Object.assign(a, b) }\n');
        await expect(patchedExtendSource(extend)).rejects.toThrow(/API\/extend\.js no longer holds/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe("the extension's fr-compromise: its lexicon handed over from a file (src/tools/compromise-snapshot.ts)", () => {
    interface Lib extends Tagger {
      world(): { model: { one: { lexicon: object; _multiCache: object } } };
    }
    const frenchSentences = () => labelledSentences('fr');
    const key = Symbol.for(FR_LEXICON_KEY);
    const global = globalThis as Record<symbol, unknown>;

    it.each([
      ['with the file handed over', true],
      ['without it (the library expands its words itself)', false],
    ])(
      'tags every labelled French sentence exactly as the stock library, %s',
      async (_, handed) => {
        const dir = await mkdtemp(join(tmpdir(), 'counterpoint-fr-'));
        try {
          const file = join(dir, 'fr.mjs');
          await writeFile(file, await lazyModule('fr-compromise', ROOT));
          // The file's content, as the build writes it and the worker reads it (JSON).
          if (handed) global[key] = JSON.parse(JSON.stringify(await frLexiconData(ROOT)));
          const patched = ((await import(pathToFileURL(file).href)) as { default: () => Lib }).default();
          delete global[key];
          const stock = nlpFr as unknown as Lib;
          expect(patched).not.toBe(stock);
          const model = (lib: Lib) => {
            const { one } = lib.world().model;
            return JSON.stringify([one.lexicon, one._multiCache]);
          };
          expect(model(patched)).toBe(model(stock));
          expect(Object.keys(patched.world().model.one.lexicon).length).toBeGreaterThan(60_000);
          const sentences = frenchSentences();
          expect(sentences.length).toBeGreaterThan(1500);
          for (const text of sentences) expect(terms(patched, text), text).toEqual(terms(stock, text));
        } finally {
          delete global[key];
          await rm(dir, { recursive: true, force: true });
        }
      },
      60_000,
    );

    it('builds its lexicon from the handed-over data, not from its own word lists, when it has them', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'counterpoint-fr-'));
      try {
        const file = join(dir, 'fr.mjs');
        await writeFile(file, await lazyModule('fr-compromise', ROOT));
        const data = JSON.parse(JSON.stringify(await frLexiconData(ROOT))) as {
          lexicon: { keys: string; sep: string; table: unknown[]; codes: string };
        };
        // A word no French list holds, added to the data: it can only come from there.
        data.lexicon.keys += `${data.lexicon.sep}zzcounterpointmot`;
        data.lexicon.codes += String.fromCharCode(35);
        global[key] = data;
        const patched = ((await import(pathToFileURL(file).href)) as { default: () => Lib }).default();
        const lexicon = patched.world().model.one.lexicon as Record<string, unknown>;
        expect(lexicon.zzcounterpointmot).toEqual(data.lexicon.table[0]);
        expect((nlpFr as unknown as Lib).world().model.one.lexicon).not.toHaveProperty('zzcounterpointmot');
      } finally {
        delete global[key];
        await rm(dir, { recursive: true, force: true });
      }
    }, 60_000);

    it('fails the build when fr-compromise no longer holds the code a patch replaces', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'counterpoint-fr-'));
      try {
        const lexicon = join(dir, 'lexicon.mjs');
        await writeFile(lexicon, "import misc from './misc.js'\nconst words = {}\nexport default words\n");
        await expect(frLexiconModuleSource(lexicon)).rejects.toThrow(/no longer holds exactly one/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
