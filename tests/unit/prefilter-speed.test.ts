import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GROUPS } from '../../src/core/actors/groups';
import { CYBER_UNIT_NAMES } from '../../src/core/lexicon';
import {
  candidateSegments,
  contextSource,
  groupNames,
  groupNamesSource,
  prefilterHits,
  prefilterWarmUp,
  topLevelAlternatives,
} from '../../src/core/prefilter';
import { NameMatcher } from '../../src/core/prefilter-names';
import { segment } from '../../src/core/segment';
import { benchParagraphs } from '../bench/news-page';

/** Every sentence of the labelled sets (both languages) and of the bench's long page. */
function corpus(): string[] {
  const root = new URL('../fixtures/', import.meta.url);
  const lines: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(new URL(`${dir.name}/`, root)))
      if (name.endsWith('.jsonl'))
        for (const line of readFileSync(new URL(`${dir.name}/${name}`, root), 'utf8').split('\n'))
          if (line.trim() !== '') lines.push((JSON.parse(line) as { text: string }).text);
  }
  return [...lines, ...benchParagraphs(3_000)];
}

describe('prefilter speed (issue 10, the page main thread)', () => {
  it('splits a source at its top-level alternatives only', () => {
    expect(topLevelAlternatives('a(?:b|c)|[|]d|e\\|f|g')).toEqual(['a(?:b|c)', '[|]d', 'e\\|f', 'g']);
  });

  it('the factored context list matches exactly the sentences the plain list matches', () => {
    const plain = new RegExp(contextSource(false), 'i');
    const factored = new RegExp(contextSource(true), 'i');
    expect(contextSource(true)).not.toBe(contextSource(false));
    const sentences = corpus();
    expect(sentences.length).toBeGreaterThan(1_000);
    const differ = sentences.filter((s) => plain.test(s) !== factored.test(s));
    expect(differ).toEqual([]);
    // Not vacuous: both match some and miss some.
    const matched = sentences.filter((s) => factored.test(s)).length;
    expect(matched).toBeGreaterThan(100);
    expect(matched).toBeLessThan(sentences.length);
  });

  it('warms up in steps that leave results unchanged', () => {
    const text = corpus().slice(0, 400).join(' ');
    const before = { hits: prefilterHits(text), picked: candidateSegments(text, segment(text)).length };
    const steps = prefilterWarmUp();
    expect(steps.length).toBeGreaterThanOrEqual(4);
    for (const step of steps) step();
    expect(prefilterHits(text)).toEqual(before.hits);
    expect(candidateSegments(text, segment(text))).toHaveLength(before.picked);
  });

  it('finds group names at exactly the offsets of the regex it replaces', () => {
    const reference = (text: string) => {
      const re = new RegExp(groupNamesSource(), 'g');
      const out: number[] = [];
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        out.push(m.index);
        re.lastIndex = m.index + Math.max(1, m[0].length);
      }
      return out;
    };
    const names = [...new Set([...CYBER_UNIT_NAMES, ...GROUPS.flatMap((g) => [...g.names.en, ...(g.aliases ?? [])])])];
    // Every name in the contexts that decide a match: after and before spaces, punctuation, letters, digits,
    // a possessive, another name, the lower-case word, one more letter, glued to the previous word.
    const made = names.flatMap((n) => [
      `Officials named ${n}.`,
      `(${n}), ${n}'s tools and ${n}-linked hackers`,
      `x${n} ${n}x ${n}1 _${n} ${n}_ ${n.toLowerCase()} ${n.toUpperCase()}`,
      `${n} ${names[(names.indexOf(n) + 1) % names.length]}${n}`,
    ]);
    const texts = [...made, ...corpus(), made.join(' ')];
    let found = 0;
    for (const text of texts) {
      const expected = reference(text);
      found += expected.length;
      expect(groupNames().offsets(text), text).toEqual(expected);
    }
    expect(found).toBeGreaterThan(names.length * 4);
  });

  it('refuses a name it cannot file under a word, and keeps precedence within one word', () => {
    expect(() => new NameMatcher(['$money'])).toThrow(/word character/);
    const m = new NameMatcher(['Unit 8200', 'Unit', 'Lapsus$']);
    expect(m.offsets('Unit 8200 and Unit 9 and Lapsus$x Units')).toEqual([0, 14, 25]);
    expect(m.test('Lapsusx')).toBe(false);
  });
});
