/**
 * Sentences that carry cyber-sounding words or actors but make no cyber
 * allegation, written for this test: the detector must stay silent.
 */
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';

const detector = new Detector();

describe('hard negatives', () => {
  it.each([
    'Germany arrests two men suspected of spying for China on drone technology.',
    "La justice belge a écroué un fonctionnaire soupçonné d'espionnage au profit de la Russie.",
    'Police detained a parliamentary aide accused of passing documents to Chinese intelligence.',
  ])('human espionage with no network or hacking named: %s', (text) => {
    expect(detector.detect(text).allegations).toEqual([]);
  });

  it('still reads espionage through a network as an allegation', () => {
    const found = detector.detect('Germany says Chinese hackers spied on the networks of its defence ministry.');
    expect(found.allegations[0]).toMatchObject({ accused: 'CN', accuser: 'DE' });
  });

  it.each([
    "Londres accuse le GRU d'avoir commandité des incendies criminels d'entrepôts, confiés à des exécutants recrutés sur Telegram.",
    'Germany summons Russian ambassador over the war in Ukraine',
  ])('a physical or non-cyber charge: %s', (text) => {
    expect(detector.detect(text).allegations).toEqual([]);
  });
});
