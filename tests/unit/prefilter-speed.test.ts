import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  candidateSegments,
  contextSource,
  prefilterHits,
  prefilterWarmUp,
  topLevelAlternatives,
} from '../../src/core/prefilter';
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
});
