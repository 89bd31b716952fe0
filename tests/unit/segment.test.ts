import { describe, expect, it } from 'vitest';
import { segment } from '../../src/core/segment';

const texts = (input: string) => segment(input).map((s) => s.text);

describe('segment', () => {
  it('gives exact offsets: every text is input.slice(start, end), trimmed', () => {
    const input =
      '  Mr. Smith said the U.S. Treasury acted.  The NSA declined to comment!\n\n« Non », a dit M. Wang. Fin.\r\nDernière ligne ';
    const segs = segment(input);
    expect(segs.length).toBeGreaterThan(3);
    for (const s of segs) {
      expect(input.slice(s.start, s.end)).toBe(s.text);
      expect(s.text).toBe(s.text.trim());
    }
    // Segments are ordered and do not overlap.
    for (let i = 1; i < segs.length; i++) expect(segs[i]?.start).toBeGreaterThanOrEqual(segs[i - 1]?.end ?? 0);
  });

  it('does not split after abbreviations, initials and titles', () => {
    expect(texts('Mr. Smith met Dr. Jones. They spoke.')).toEqual(['Mr. Smith met Dr. Jones.', 'They spoke.']);
    expect(texts('M. Wang et Mme Mao ont parlé. Ensuite rien.')).toEqual([
      'M. Wang et Mme Mao ont parlé.',
      'Ensuite rien.',
    ]);
    expect(texts('J. Edgar Hoover led the F.B.I. for decades.')).toHaveLength(1);
  });

  it('splits after "U.S." when a new sentence clearly starts', () => {
    expect(texts('Officials blamed the U.S. The ministry disagreed.')).toEqual([
      'Officials blamed the U.S.',
      'The ministry disagreed.',
    ]);
    expect(texts('The U.S. Justice Department filed charges.')).toHaveLength(1);
  });

  it('keeps quoted speech with its attribution, and French spaced punctuation', () => {
    expect(texts('« Nous démentons », a déclaré le porte-parole. Le combat continue ! Et après ?')).toEqual([
      '« Nous démentons », a déclaré le porte-parole.',
      'Le combat continue !',
      'Et après ?',
    ]);
  });

  it('treats paragraph breaks and headline lines as boundaries, but joins wrapped lines', () => {
    expect(texts('Chinese hackers blamed for breach\nThe attack began in May.')).toEqual([
      'Chinese hackers blamed for breach',
      'The attack began in May.',
    ]);
    expect(texts('The attack began in\nMay and lasted weeks.')).toHaveLength(2);
    expect(texts('The ministry said the attack\nlasted several weeks.')).toEqual([
      'The ministry said the attack\nlasted several weeks.',
    ]);
  });

  it('keeps numbered list markers with their item', () => {
    expect(texts('Trois priorités :\n1. Faire la lumière. 2. Renforcer la défense.')).toEqual([
      'Trois priorités :',
      '1. Faire la lumière.',
      '2. Renforcer la défense.',
    ]);
  });

  it('handles empty and whitespace-only input', () => {
    expect(segment('')).toEqual([]);
    expect(segment(' \n\t ')).toEqual([]);
  });
});
