/**
 * Save and Annotate… on the in-page card (issue 9): shown only when the
 * content script can save, acting only on the reader's own (trusted) clicks,
 * once at a time, and saying whether the allegation on screen is saved.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import { type AnchorRect, type CardOptions, cardShadowRootForTests, createCard } from '../../src/content/card';
import type { t } from '../../src/i18n';
import type { ScanAllegation } from '../../src/messaging/protocol';
import { testAllegation } from './fixtures';

const fakeT = ((key: string) => key) as typeof t;
const anchor: AnchorRect = { top: 100, left: 50, bottom: 120, right: 250, width: 200, height: 20 };

function allegation(text: string, start = 0): ScanAllegation {
  return testAllegation('CN', { text, start, end: start + text.length });
}

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
  const $ = (sel: string) => {
    const host = doc.querySelector('[data-counterpoint-card]');
    const root = host === null ? undefined : cardShadowRootForTests(host);
    return root?.querySelector(sel) as HTMLButtonElement;
  };
  /** A click as the browser makes it for the reader (pages can only dispatch untrusted ones). */
  const click = (el: Element, trusted = true) => {
    const event = new window.Event('click', { bubbles: true });
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    el.dispatchEvent(event);
  };
  return { doc, card, $, click };
}

/** A promise the test settles by hand. */
function later<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('Save and Annotate… on the card', () => {
  it('are not there when the card cannot save', () => {
    const { card, $ } = setup();
    card.show(allegation('Belgium accused China of spying.'), anchor);
    expect(($('.save').parentNode as HTMLElement).hidden).toBe(true);
  });

  it('save on a trusted click only, once at a time, and then say "Saved"', async () => {
    const answer = later<boolean>();
    const onSave = vi.fn(() => answer.promise);
    const { card, $, click } = setup({ onSave, onAnnotate: vi.fn(async () => true) });
    card.show(allegation('Belgium accused China of spying.'), anchor);
    const save = $('.save');
    expect(save.textContent).toBe('saveButton');
    expect((save.parentNode as HTMLElement).hidden).toBe(false);
    // What a page script can do: dispatch an untrusted click (or call click()).
    click(save, false);
    save.click();
    expect(onSave).not.toHaveBeenCalled();
    click(save);
    click(save);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(save.dataset.state).toBe('busy');
    answer.resolve(true);
    await flush();
    expect(save.textContent).toBe('saveDone');
    expect(save.dataset.state).toBe('saved');
  });

  it('shows a failed save, and lets the reader try again', async () => {
    const onSave = vi.fn(async () => false);
    const { card, $, click } = setup({ onSave, onAnnotate: vi.fn(async () => true) });
    card.show(allegation('Belgium accused China of spying.'), anchor);
    click($('.save'));
    await flush();
    expect($('.save').textContent).toBe('saveFailed');
    expect($('.save').dataset.state).toBe('failed');
    onSave.mockRejectedValueOnce(new Error('background gone'));
    click($('.save'));
    await flush();
    expect(onSave).toHaveBeenCalledTimes(2);
    expect($('.save').dataset.state).toBe('failed');
  });

  it('says "Saved" for an allegation already in the library, and starts afresh for the next one', async () => {
    const { card, $ } = setup({ onSave: async () => true, onAnnotate: async () => true });
    card.show(allegation('Belgium accused China of spying.'), anchor, { saved: true });
    expect($('.save').textContent).toBe('saveDone');
    card.show(allegation('Beijing denied it.', 40), anchor, { saved: false });
    expect($('.save').textContent).toBe('saveButton');
    expect($('.save').dataset.state).toBe('');
  });

  it('Annotate… runs on a trusted click, and the allegation reads as saved afterwards', async () => {
    const onAnnotate = vi.fn(async () => true);
    const { card, $, click } = setup({ onSave: async () => true, onAnnotate });
    card.show(allegation('Belgium accused China of spying.'), anchor);
    expect($('.annotate').textContent).toBe('cardAnnotate');
    click($('.annotate'), false);
    expect(onAnnotate).not.toHaveBeenCalled();
    click($('.annotate'));
    await flush();
    expect(onAnnotate).toHaveBeenCalledTimes(1);
    expect($('.save').textContent).toBe('saveDone');
  });

  it('a late answer is for the allegation it was clicked on, not the one on screen now', async () => {
    const answer = later<boolean>();
    const { card, $, click } = setup({ onSave: () => answer.promise, onAnnotate: async () => true });
    card.show(allegation('Belgium accused China of spying.'), anchor);
    click($('.save'));
    card.show(allegation('Beijing denied it.', 40), anchor);
    answer.resolve(true);
    await flush();
    expect($('.save').textContent).toBe('saveButton');
  });

  it('keeps its state when the same allegation is shown again (its counter-statements arrived)', async () => {
    const { card, $, click } = setup({ onSave: async () => true, onAnnotate: async () => true });
    const a = allegation('Belgium accused China of spying.');
    card.show(a, anchor, { loading: true });
    click($('.save'));
    await flush();
    card.show({ ...a, counterStatements: [] }, anchor, { loading: false, saved: false });
    expect($('.save').textContent).toBe('saveDone');
  });
});
