/**
 * The card names each counter-statement's incident (issue 12), as a link to
 * its timeline that only the reader's own clicks follow.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { type AnchorRect, type CardOptions, cardShadowRootForTests, createCard } from '../../src/content/card';
import type { t } from '../../src/i18n';
import { testAllegation, testStatement } from './fixtures';

const fakeT = ((key: string, ...args: unknown[]) => (args.length > 0 ? `${key}(${args.join(',')})` : key)) as typeof t;
const anchor: AnchorRect = { top: 100, left: 50, bottom: 120, right: 250, width: 200, height: 20 };
const sony = {
  id: 'sony-2014',
  pack: 'seed',
  name: 'Sony Pictures hack (2014)',
  nameFr: 'Piratage de Sony Pictures (2014)',
};

function setup(over: Partial<CardOptions> = {}) {
  const { document, window } = parseHTML('<html><head></head><body><p>Page text.</p></body></html>');
  const doc = document as unknown as Document;
  const card = createCard(doc, {
    onMore: () => {},
    onStep: () => {},
    t: fakeT,
    lang: 'en',
    viewport: () => ({ width: 1000, height: 800, scrollX: 0, scrollY: 0 }),
    ...over,
  });
  const root = () => {
    const host = doc.querySelector('[data-counterpoint-card]');
    return host === null ? undefined : cardShadowRootForTests(host);
  };
  const click = (el: Element, trusted = true) => {
    const event = new window.Event('click', { bubbles: true });
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    el.dispatchEvent(event);
  };
  return { card, root, click };
}

const withStatements = () =>
  testAllegation('KP', {
    text: 'The FBI blamed North Korea for the studio hack.',
    counterStatements: [testStatement('a', { incident: sony }), testStatement('b')],
  });

describe('the card’s incident link', () => {
  it('names the incident of each counter-statement that has one, and follows trusted clicks only', () => {
    const onIncident = vi.fn();
    const { card, root, click } = setup({ onIncident });
    card.show(withStatements(), anchor);
    const items = Array.from(root()?.querySelectorAll('li') ?? []);
    expect(items).toHaveLength(2);
    const link = items[0]?.querySelector('.incident button') as HTMLButtonElement;
    expect(link.textContent).toBe('incidentPartOf(Sony Pictures hack (2014))');
    expect(link.title).toBe('incidentOpenTimeline');
    expect(items[1]?.querySelector('.incident')).toBeNull();
    // What a page script can do: an untrusted click, or click().
    click(link, false);
    link.click();
    expect(onIncident).not.toHaveBeenCalled();
    click(link);
    expect(onIncident).toHaveBeenCalledTimes(1);
    expect(onIncident).toHaveBeenCalledWith(sony);
  });

  it('uses the French name on a French card', () => {
    const { card, root } = setup({ onIncident: () => {}, lang: 'fr' });
    card.show(withStatements(), anchor);
    expect(root()?.querySelector('.incident button')?.textContent).toBe(
      'incidentPartOf(Piratage de Sony Pictures (2014))',
    );
  });

  it('is not shown when the content script cannot open a timeline', () => {
    const { card, root } = setup();
    card.show(withStatements(), anchor);
    expect(root()?.querySelectorAll('li')).toHaveLength(2);
    expect(root()?.querySelector('.incident')).toBeNull();
  });
});
