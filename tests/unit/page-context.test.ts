/**
 * Page context (issue 8, point 3): what earlier sentences of an article tell
 * the detector about later ones — the operation already named, the speaker
 * introduced, the group the article is about — and what the page's topic
 * licenses. Every text here is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/core/detect';

const detector = new Detector();
const last = (text: string) => detector.detect(text).allegations.at(-1);

describe('page context', () => {
  it('finds an attribution whose operation was named in the sentence before', () => {
    const text = 'Hackers wiped the servers of the port authority on Monday.\n\nOfficials blamed Moscow.';
    expect(last(text)).toMatchObject({ text: 'Officials blamed Moscow.', accused: 'RU', stance: 'accusation' });
    // Alone, the same sentence says nothing about a cyber operation.
    expect(detector.detect('Officials blamed Moscow.').allegations).toEqual([]);
  });

  it('resolves "the group" to the group the article blamed before', () => {
    const text =
      'Investigators said APT28 breached the mail servers of the defence ministry in March.\n\nThe group also targeted three embassies in the spring, according to the report.';
    const found = detector.detect(text).allegations;
    expect(found).toHaveLength(2);
    expect(found[1]).toMatchObject({ accused: 'APT28', stance: 'accusation' });
  });

  it('lets an organ named without its state ("the ministry said") speak for the accuser the article named', () => {
    const text =
      'France accused Russian military hackers of breaching a dozen French ministries since 2021.\n\nThe same unit also hacked the television channel in 2015, the ministry said.';
    expect(last(text)).toMatchObject({ accused: 'RU', accuser: 'FR' });
  });

  it('resolves a speaker introduced earlier ("M. Wang") to the state they speak for', () => {
    const text =
      'Wang Wenbin, porte-parole du ministère chinois des Affaires étrangères, a répondu mardi aux journalistes.\n\n« Les États-Unis mènent des cyberattaques contre le monde entier », a dit M. Wang.';
    expect(last(text)).toMatchObject({ accused: 'US', accuser: 'CN' });
  });

  it('on a page about cyber operations, reads a denial of "the accusations" as one, but not an accusation about something else', () => {
    const page = [
      'Chinese hackers breached the parliament’s network, the security service said.',
      'The intrusion went on for months before it was found.',
      'The Chinese embassy called the accusations a malicious smear.',
      'Separately, Australia accused Beijing of economic coercion after new tariffs on wine.',
    ].join('\n\n');
    const found = detector.detect(page).allegations.map((a) => [a.text.slice(0, 20), a.stance, a.accused]);
    expect(found).toContainEqual(['The Chinese embassy ', 'denial', 'CN']);
    expect(found.some(([t]) => String(t).startsWith('Separately'))).toBe(false);
  });

  it('the caller may say that a lone sentence comes from a cyber page', () => {
    const line = 'The Chinese embassy called the accusations a malicious smear.';
    expect(detector.detect(line).allegations).toEqual([]);
    expect(detector.detect(line, { cyberTopic: true }).allegations[0]).toMatchObject({
      stance: 'denial',
      accused: 'CN',
    });
  });

  it('lets a denial of "these accusations" answer the accuser the article named', () => {
    const text =
      "Les Pays-Bas accusent des pirates russes d'avoir infiltré le réseau de la police.\n\nMoscou a balayé ces accusations, qu'elle juge « grotesques ».";
    expect(last(text)).toMatchObject({ stance: 'denial', accused: 'RU', accuser: 'NL' });
  });

  it('gives a counter-accusation without a named speaker to the party the article said was accused', () => {
    const text =
      'Washington accused Chinese state hackers of breaching the Treasury.\n\nThe spokesman said the United States itself was the biggest hacker in the world.';
    expect(last(text)).toMatchObject({ stance: 'counter_accusation', accused: 'US', accuser: 'CN' });
  });

  it('reads a denial with no cyber word as one on a page about an operation, not on another page', () => {
    const denial = 'Beijing offered to work with Brussels on a joint investigation to establish the facts.';
    expect(detector.detect(denial, { cyberTopic: true }).allegations[0]).toMatchObject({
      stance: 'denial',
      accused: 'CN',
    });
    expect(detector.detect(denial).allegations).toEqual([]);
  });

  it('does not take a charge with its own object for the operation just named', () => {
    const text =
      'Hackers wiped the servers of the port authority on Monday.\n\nThe minister accused Doha of bankrolling armed groups in the region.';
    expect(detector.detect(text).allegations.some((a) => a.text.includes('Doha'))).toBe(false);
  });
});
