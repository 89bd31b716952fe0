import { describe, expect, it } from 'vitest';
import { detectLang } from '../../src/core/lang';

describe('detectLang', () => {
  it.each([
    ['Chinese hackers breached the network, officials said.', 'en'],
    ['APT31 targeted lawmakers in Belgium.', 'en'],
    ['La Chine rejette ces accusations.', 'fr'],
    ['Pékin dément.', 'fr'],
    ['Des pirates nord-coréens ont dérobé des cryptomonnaies.', 'fr'],
    ['Selon l’ANSSI, le groupe APT28 mène des campagnes.', 'fr'],
  ])('%s → %s', (text, lang) => {
    expect(detectLang(text)).toBe(lang);
  });

  it('returns und when there is nothing to go on', () => {
    expect(detectLang('')).toBe('und');
    expect(detectLang('12345 !!!')).toBe('und');
  });
});
