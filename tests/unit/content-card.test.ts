import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type AnchorRect,
  CARD_GAP,
  CARD_MARGIN,
  type CardOptions,
  cardClaimIdsForTests,
  cardShadowRootForTests,
  createCard,
  placeCard,
  safeHttpUrl,
} from '../../src/content/card';
import type { CounterStatementView } from '../../src/core/match/view';
import type { t } from '../../src/i18n';
import type { ScanAllegation } from '../../src/messaging/protocol';

/** Keys come back as themselves, substitutions in parentheses: the tests see which string went where. */
const fakeT = ((key: string, ...subs: Array<string | number>) =>
  subs.length > 0 ? `${key}(${subs.join(',')})` : key) as typeof t;

const XSS = '<img src=x onerror=alert(1)>';

function claim(id: string, over: Partial<CounterStatementView> = {}): CounterStatementView {
  return {
    id,
    text: 'China firmly opposes groundless accusations.',
    speaker: 'Chinese MFA',
    speakerActor: 'CN',
    stance: 'denial',
    relation: 'denies',
    why: 'denial by the accused (CN)',
    date: '2024-05-02',
    lang: 'en',
    source: { url: 'https://www.fmprc.gov.cn/eng/x.html', publisher: 'MFA of China', title: 'Press conference' },
    incident: null,
    score: 3,
    ...over,
  };
}

function allegation(over: Partial<ScanAllegation> = {}): ScanAllegation {
  return {
    text: 'Belgium accused China of spying on its MPs.',
    start: 0,
    end: 43,
    lang: 'en',
    stance: 'accusation',
    accused: 'CN',
    accuser: 'BE',
    target: 'Belgian MPs',
    action: 'espionage',
    hedged: true,
    confidence: 0.9,
    counterStatements: [claim('seed/1'), claim('seed/2'), claim('seed/3'), claim('seed/4')],
    ...over,
  };
}

const anchor: AnchorRect = { top: 100, left: 50, bottom: 120, right: 250, width: 200, height: 20 };
const viewport = { width: 1000, height: 800, scrollX: 0, scrollY: 0 };

function setup(over: Partial<CardOptions> = {}) {
  const { document, window } = parseHTML(
    '<html><head></head><body><p id="para">Some page text.</p><button id="page-button">x</button></body></html>',
  );
  const doc = document as unknown as Document;
  const calls = { more: 0, close: 0, steps: [] as number[] };
  const card = createCard(doc, {
    onMore: () => calls.more++,
    onStep: (d) => calls.steps.push(d),
    onClose: () => calls.close++,
    t: fakeT,
    lang: 'en',
    viewport: () => viewport,
    ...over,
  });
  const host = () => doc.querySelector('[data-counterpoint-card]') as HTMLElement | null;
  const root = () => {
    const h = host();
    const r = h === null ? undefined : cardShadowRootForTests(h);
    if (r === undefined) throw new Error('no card root');
    return r;
  };
  const $ = (sel: string) => root().querySelector(sel) as HTMLElement;
  const $$ = (sel: string) => Array.from(root().querySelectorAll(sel)) as HTMLElement[];
  const key = (target: EventTarget, k: string) =>
    target.dispatchEvent(Object.assign(new window.Event('keydown', { bubbles: true }), { key: k }));
  return { doc, window, card, calls, host, root, $, $$, key };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the allegation card', () => {
  it('creates one host lazily, on <html>, with a closed shadow root, and touches nothing else', () => {
    const { doc, card, host } = setup();
    const bodyBefore = doc.body.innerHTML;
    expect(host()).toBeNull();
    expect(card.isOpen()).toBe(false);
    card.show(allegation(), anchor, { position: '2 / 7' });
    const h = host();
    expect(h?.parentNode).toBe(doc.documentElement);
    expect(h?.shadowRoot).toBeNull();
    expect(cardShadowRootForTests(h as HTMLElement)).toBeDefined();
    expect(h?.getAttribute('style')).toContain('position:absolute');
    expect(h?.getAttribute('style')).toContain('z-index:2147483647');
    expect(card.isOpen()).toBe(true);
    card.show(allegation({ stance: 'denial' }), anchor);
    expect(doc.querySelectorAll('[data-counterpoint-card]').length).toBe(1);
    expect(doc.body.innerHTML).toBe(bodyBefore);
  });

  it('keeps ids and internal state out of every attribute the page can read, and says it is Counterpoint’s', () => {
    const { doc, card, host, $, root } = setup();
    card.show(allegation(), anchor, { position: '2 / 7' });
    const h = host() as HTMLElement;
    // The host: its tag, a marker and its inline style, nothing else.
    expect(h.getAttributeNames().sort()).toEqual(['data-counterpoint-card', 'style']);
    expect(h.getAttribute('data-counterpoint-card')).toBe('');
    // Not even inside the closed root: no attribute value names a claim or a pack.
    const values = [h, ...Array.from(root().querySelectorAll('*'))].flatMap((e) =>
      e.getAttributeNames().map((n) => `${n}=${e.getAttribute(n)}`),
    );
    expect(values.length).toBeGreaterThan(5);
    for (const v of values) expect(v).not.toMatch(/seed\/|claim-id|claims=/);
    expect(doc.documentElement.outerHTML).not.toContain('seed/');
    expect($('.origin').textContent).toBe('cardGenuine');
  });

  it('builds the dialog: stance, hedged badge, actors, sentence, top 3 counter-statements, footer', () => {
    const { card, host, $, $$ } = setup();
    card.show(allegation(), anchor, { position: '2 / 7' });
    const dialog = $('[role="dialog"]');
    expect(dialog.getAttribute('aria-label')).toBe('cardDialogLabel');
    expect(dialog.getAttribute('tabindex')).toBe('-1');
    expect(dialog.className).toBe('card accusation');
    expect($('.stance').textContent).toBe('stanceAccusation');
    expect($('.badge').textContent).toBe('hedged');
    expect($('.badge').hidden).toBe(false);
    expect($('.actors').textContent).toBe('Belgium → China · actionEspionage · cardTarget(Belgian MPs)');
    expect($('.sentence').textContent).toBe('Belgium accused China of spying on its MPs.');
    expect($('h2').textContent).toBe('cardCounterStatements(4)');
    const items = $$('ol > li');
    expect(cardClaimIdsForTests(host() as HTMLElement)).toEqual(['seed/1', 'seed/2', 'seed/3']);
    const first = items[0] as HTMLElement;
    expect(first.querySelector('.speaker')?.textContent).toBe('Chinese MFA');
    expect(first.querySelector('time')?.getAttribute('datetime')).toBe('2024-05-02');
    expect(first.querySelector('.rel')?.textContent).toBe('relationDenies');
    expect(first.querySelector('.rel')?.getAttribute('title')).toBe('denial by the accused (CN)');
    expect(first.querySelector('.text')?.textContent).toBe('China firmly opposes groundless accusations.');
    expect($('.empty').hidden).toBe(true);
    expect($('.prev').textContent).toContain('cardPrevious');
    expect($('.next').textContent).toContain('cardNext');
    expect($('.more').textContent).toBe('cardMore');
    expect($('.pos').textContent).toBe('2 / 7');
    expect($('.close').getAttribute('aria-label')).toBe('cardClose');
  });

  it('updates in place on the next show: stance, no badge, unknown actors, no target', () => {
    const { card, host, $, $$ } = setup();
    card.show(allegation(), anchor);
    card.show(
      allegation({
        stance: 'counter_accusation',
        hedged: false,
        accuser: null,
        accused: 'APT28',
        target: null,
        counterStatements: [claim('x/9')],
      }),
      anchor,
      { position: '3 / 7' },
    );
    expect($('[role="dialog"]').className).toBe('card counter_accusation');
    expect($('.stance').textContent).toBe('stanceCounterAccusation');
    expect($('.badge').hidden).toBe(true);
    expect($('.actors').textContent).toBe('unknownActor → APT28 · actionEspionage');
    expect($$('ol > li')).toHaveLength(1);
    expect(cardClaimIdsForTests(host() as HTMLElement)).toEqual(['x/9']);
    expect($('.pos').textContent).toBe('3 / 7');
  });

  it('shows an empty state when there are no counter-statements', () => {
    const { card, host, $, $$ } = setup();
    card.show(allegation({ counterStatements: [] }), anchor);
    expect($$('li')).toHaveLength(0);
    expect($('ol').hidden).toBe(true);
    expect($('.empty').hidden).toBe(false);
    expect($('.empty').textContent).toBe('cardNoCounterStatements');
    expect(cardClaimIdsForTests(host() as HTMLElement)).toEqual([]);
  });

  it('inserts page and claim text as text, never as HTML', () => {
    const { card, $, root } = setup();
    card.show(
      allegation({
        text: `Hackers ${XSS} struck.`,
        target: XSS,
        counterStatements: [
          claim('a/1', { text: XSS, speaker: XSS, why: XSS, source: { url: 'https://e.org/', publisher: XSS } }),
        ],
      }),
      anchor,
    );
    expect(root().querySelector('img')).toBeNull();
    expect($('.sentence').textContent).toBe(`Hackers ${XSS} struck.`);
    expect($('.actors').textContent).toContain(`cardTarget(${XSS})`);
    expect($('li .text').textContent).toBe(XSS);
    expect($('li .speaker').textContent).toBe(XSS);
    expect($('li a').textContent).toBe(XSS);
    // And the module has no HTML-parsing sink at all.
    const source = readFileSync(new URL('../../src/content/card.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser/);
  });

  it('links sources only over http(s), in a new tab without opener or referrer', () => {
    const { card, $$ } = setup();
    card.show(
      allegation({
        counterStatements: [
          claim('ok/1'),
          claim('bad/1', { source: { url: 'javascript:alert(1)', publisher: 'Evil' } }),
          claim('bad/2', { source: { url: 'data:text/html,<script>alert(1)</script>', publisher: 'Data' } }),
        ],
      }),
      anchor,
    );
    const [ok, js, data] = $$('li');
    const a = ok?.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://www.fmprc.gov.cn/eng/x.html');
    expect(a?.getAttribute('target')).toBe('_blank');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(a?.textContent).toBe('MFA of China');
    expect(a?.getAttribute('title')).toBe('Press conference');
    expect(js?.querySelector('a')).toBeNull();
    expect(js?.querySelector('.src')?.textContent).toBe('Evil');
    expect(data?.querySelector('a')).toBeNull();
    expect(data?.querySelector('.src')?.textContent).toBe('Data');
  });

  it('clamps long claim texts', () => {
    const { card, $ } = setup();
    card.show(allegation({ counterStatements: [claim('l/1', { text: 'word '.repeat(200) })] }), anchor);
    const shown = $('li .text').textContent ?? '';
    expect(shown.length).toBeLessThanOrEqual(280);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('calls onStep and onMore from the footer buttons', () => {
    const { card, calls, $ } = setup();
    card.show(allegation(), anchor);
    $('.prev').click();
    $('.next').click();
    $('.next').click();
    $('.more').click();
    expect(calls.steps).toEqual([-1, 1, 1]);
    expect(calls.more).toBe(1);
    expect(card.isOpen()).toBe(true);
  });

  it('closes on × and on Escape (calling onClose), not on other keys; hide() does not call onClose', () => {
    const { card, calls, host, $, key } = setup();
    card.show(allegation(), anchor);
    $('.close').click();
    expect(card.isOpen()).toBe(false);
    expect(host()).toBeNull();
    expect(calls.close).toBe(1);

    card.show(allegation(), anchor);
    key($('.next'), 'Enter');
    expect(card.isOpen()).toBe(true);
    key($('.next'), 'Escape');
    expect(card.isOpen()).toBe(false);
    expect(calls.close).toBe(2);

    card.show(allegation(), anchor);
    card.hide();
    expect(card.isOpen()).toBe(false);
    expect(calls.close).toBe(2);
  });

  it('destroy removes the host and every listener', () => {
    const { card, calls, host, root, $, key } = setup();
    card.show(allegation(), anchor);
    const r = root();
    const more = $('.more');
    const next = $('.next');
    const close = $('.close');
    card.destroy();
    expect(host()).toBeNull();
    expect(card.isOpen()).toBe(false);
    more.click();
    next.click();
    key(next, 'Escape');
    close.click();
    expect(r.contains(more)).toBe(true);
    expect(calls).toEqual({ more: 0, close: 0, steps: [] });
    card.show(allegation(), anchor);
    expect(host()).toBeNull();
    expect(card.isOpen()).toBe(false);
  });

  it('says which nodes are its own', () => {
    const { doc, card, host, $ } = setup();
    const para = doc.getElementById('para') as HTMLElement;
    expect(card.contains(para)).toBe(false);
    card.show(allegation(), anchor);
    expect(card.contains(host() as HTMLElement)).toBe(true);
    expect(card.contains($('.more'))).toBe(true);
    expect(card.contains(para)).toBe(false);
    expect(card.contains(doc.body)).toBe(false);
  });

  it('places the host next to the anchor in document coordinates', () => {
    const { card, host } = setup({ viewport: () => ({ width: 1000, height: 800, scrollX: 5, scrollY: 100 }) });
    // No layout here: the card is taken as 360 wide, 240 high.
    card.show(allegation(), { top: 300, left: 950, bottom: 320, right: 1000, width: 50, height: 20 });
    const style = host()?.getAttribute('style') ?? '';
    expect(style).toContain(`top:${320 + CARD_GAP + 100}px`);
    expect(style).toContain(`left:${1000 - CARD_MARGIN - 360 + 5}px`);
    expect(style).not.toContain('visibility');
  });

  it('styles itself in the shadow root: per-stance borders, dark scheme, focus outlines, no external resources', () => {
    const { card, $ } = setup();
    card.show(allegation(), anchor);
    const css = $('style').textContent ?? '';
    expect(css).toMatch(/\.card\.denial \{ border-left: \d+px dashed/);
    expect(css).toMatch(/\.card\.counter_accusation \{ border-left: \d+px double/);
    expect(css).toContain('@media (prefers-color-scheme: dark)');
    expect(css).toContain(':focus-visible');
    expect(css).toContain('width: 360px');
    expect(css).not.toMatch(/url\(|@import/);
  });
});

describe('card focus', () => {
  /** linkedom tracks no focus: emulate it, with the closed root hiding its focused node behind the host as browsers do. */
  function withFocus(s: ReturnType<typeof setup>) {
    let focused: Element | null = s.doc.getElementById('page-button');
    Object.defineProperty(s.doc, 'activeElement', {
      configurable: true,
      get() {
        const h = s.host();
        const r = h === null ? undefined : cardShadowRootForTests(h);
        return focused !== null && r?.contains(focused) ? h : focused;
      },
    });
    const proto = (s.window as unknown as { HTMLElement: { prototype: HTMLElement } }).HTMLElement.prototype;
    vi.spyOn(proto, 'focus').mockImplementation(function (this: HTMLElement) {
      focused = this;
    });
    return { focused: () => focused };
  }

  it('moves focus into the dialog when asked, and back where it was on close', () => {
    const s = setup();
    const f = withFocus(s);
    const pageButton = s.doc.getElementById('page-button');
    s.card.show(allegation(), anchor, { focus: false });
    expect(f.focused()).toBe(pageButton);
    s.card.show(allegation(), anchor, { focus: true });
    expect(f.focused()).toBe(s.$('[role="dialog"]'));
    s.key(s.$('[role="dialog"]'), 'Escape');
    expect(f.focused()).toBe(pageButton);
  });

  it('keeps focus on the button pressed while stepping', () => {
    const s = setup();
    const f = withFocus(s);
    const pageButton = s.doc.getElementById('page-button');
    s.card.show(allegation(), anchor, { focus: true });
    s.$('.next').focus();
    s.card.show(allegation({ counterStatements: [] }), anchor, { focus: true, position: '2 / 2' });
    expect(f.focused()).toBe(s.$('.next'));
    s.card.hide();
    expect(f.focused()).toBe(pageButton);
  });

  it('leaves focus alone on hide when it is not in the card', () => {
    const s = setup();
    const f = withFocus(s);
    const para = s.doc.getElementById('para') as HTMLElement;
    s.card.show(allegation(), anchor, { focus: true });
    para.focus();
    s.card.hide();
    expect(f.focused()).toBe(para);
  });
});

describe('placeCard', () => {
  const size = { width: 360, height: 200 };
  const vp = { width: 1000, height: 800, scrollX: 0, scrollY: 0 };
  const at = (top: number, left: number, height = 20): AnchorRect => ({
    top,
    left,
    bottom: top + height,
    right: left + 100,
    width: 100,
    height,
  });

  it('goes below the anchor when it fits', () => {
    expect(placeCard(at(100, 50), size, vp)).toEqual({ top: 120 + CARD_GAP, left: 50, side: 'below' });
  });

  it('goes above when there is no room below', () => {
    expect(placeCard(at(700, 50), size, vp)).toEqual({ top: 700 - CARD_GAP - 200, left: 50, side: 'above' });
  });

  it('takes the roomier side, kept inside the top edge, when it fits nowhere', () => {
    const tall = { width: 360, height: 500 };
    expect(placeCard(at(300, 50), tall, vp).side).toBe('below');
    const up = placeCard(at(450, 50), tall, vp);
    expect(up.side).toBe('above');
    expect(up.top).toBe(CARD_MARGIN);
  });

  it('clamps horizontally inside the viewport', () => {
    expect(placeCard(at(100, 900), size, vp).left).toBe(1000 - CARD_MARGIN - 360);
    expect(placeCard(at(100, -40), size, vp).left).toBe(CARD_MARGIN);
    expect(placeCard(at(100, 100), size, { ...vp, width: 300 }).left).toBe(CARD_MARGIN);
  });

  it('adds the scroll offsets', () => {
    expect(placeCard(at(100, 50), size, { ...vp, scrollX: 30, scrollY: 1200 })).toEqual({
      top: 1200 + 120 + CARD_GAP,
      left: 80,
      side: 'below',
    });
  });
});

describe('safeHttpUrl', () => {
  it('keeps http(s) only', () => {
    expect(safeHttpUrl('https://example.org/a?b#c')).toBe('https://example.org/a?b#c');
    expect(safeHttpUrl('http://example.org')).toBe('http://example.org/');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,x')).toBeNull();
    expect(safeHttpUrl('/relative')).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
  });
});
