import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detect } from '../../src/core/detect';

const seed = (name: string) => readFileSync(new URL(`../../../shared/seeds/${name}`, import.meta.url), 'utf8');

describe('seed 000: China urges the US to stop "indiscriminate cyberattacks"', () => {
  const text = seed('000_199f7c9799e26bae.txt');
  const result = detect(text);

  it('is French', () => {
    expect(result.lang).toBe('fr');
  });

  it('yields several accusations of the US by China', () => {
    const usByCn = result.allegations.filter(
      (a) => a.stance === 'accusation' && a.accused === 'US' && a.accuser === 'CN',
    );
    expect(usByCn.length).toBeGreaterThanOrEqual(3);
  });

  it('accuses nobody but the US, and never China', () => {
    expect(result.allegations.length).toBeGreaterThan(0);
    for (const a of result.allegations) expect(a.accused).toBe('US');
  });

  it('gives exact offsets', () => {
    for (const a of result.allegations) expect(text.slice(a.start, a.end)).toBe(a.text);
  });
});

describe('seed 004: a Belgian MP targeted by a China-linked cyber-attack', () => {
  const text = seed('004_3230cb9ee75ed065.txt');
  const result = detect(text);
  const at = (needle: string) => result.allegations.filter((a) => a.text.includes(needle));

  it('yields accusations against China', () => {
    const cn = result.allegations.filter((a) => a.stance === 'accusation' && a.accused === 'CN');
    expect(cn.length).toBeGreaterThanOrEqual(3);
    expect(at('cyber-attaque liée à la Chine')[0]?.accused).toBe('CN');
    expect(at('la Chine lance des cyberattaques').length).toBeGreaterThanOrEqual(1);
  });

  it('does not take cyber norms or the call to attribute attacks for allegations', () => {
    expect(at('normes sur le comportement responsable')).toEqual([]);
    expect(at('Attribuer les cyberattaques aux États responsables')).toEqual([]);
    expect(at('pour attribuer une cyberattaque à une entité gouvernementale')).toEqual([]);
    expect(at('Les cyberattaques ne peuvent rester impunies')).toEqual([]);
    expect(at('Renforcer la cybersécurité')).toEqual([]);
  });

  it('accuses only China', () => {
    for (const a of result.allegations) expect(a.accused).toBe('CN');
  });
});
