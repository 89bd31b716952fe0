import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import {
  type CardCallbacks,
  type CardView,
  type ClaimActions,
  type ControllerDeps,
  createController,
} from '../../src/content/controller';
import { extractAddedText } from '../../src/content/extract';
import type { Painted, Painter } from '../../src/content/highlight';
import { scanPieces } from '../../src/content/scan';
import { sliceSentences } from '../../src/core/slice-sentences';
import type { Segment } from '../../src/core/types';
import { LIMITS, type ScanAllegation, type ScanMode, type ScanResponse } from '../../src/messaging/protocol';
import { testAllegation, testStatement } from './fixtures';

type Slice = { text: string; offset: number };

/**
 * A stand-in for the background: segments the slice it is sent and keeps the
 * prefilter's candidates (as the real service does), finds "hackers" sentences
 * among them and answers with allegations at their offsets.
 */
function fakeBackground() {
  const calls: Array<{ mode: ScanMode; text: string; offset: number; sentences: Segment[] }> = [];
  const send = vi.fn(async (slice: Slice, mode: ScanMode): Promise<ScanResponse> => {
    const sentences = sliceSentences(slice.text, slice.offset, LIMITS.maxSentenceChars);
    calls.push({ mode, text: slice.text, offset: slice.offset, sentences });
    const allegations: ScanAllegation[] = sentences
      .filter((s) => /hackers/i.test(s.text))
      .map((s) =>
        testAllegation('RU', {
          text: s.text,
          start: s.start,
          end: s.end,
          accuser: null,
          stance: /denied/.test(s.text) ? 'denial' : 'accusation',
        }),
      );
    return { allegations };
  });
  // Answered after the scan, as the background does: one made-up statement per allegation index.
  const counterStatements = vi.fn(async (index: number) => [testStatement(`pack/answer-${index}`)]);
  return { send, calls, counterStatements };
}

function fakePainter() {
  const painted: Painted[] = [];
  const flashes: Array<Range | null> = [];
  let clears = 0;
  const painter: Painter = {
    kind: 'highlight-api',
    paint: (items) => void painted.push(...items),
    flash: (range) => void flashes.push(range),
    clear: () => {
      painted.length = 0;
      clears++;
    },
  };
  return { painter, painted, flashes, clears: () => clears };
}

function fakeCard() {
  const shown: Array<{ text: string; position: string; focus: boolean; loading: boolean; claims: string[] }> = [];
  let open = false;
  let destroyed = false;
  const card: CardView = {
    show: (a, _rect, o) => {
      open = true;
      shown.push({ text: a.text, ...o, claims: a.counterStatements.map((c) => c.id) });
    },
    hide: () => {
      open = false;
    },
    isOpen: () => open,
    contains: () => false,
    destroy: () => {
      destroyed = true;
    },
  };
  return { card, shown, isDestroyed: () => destroyed };
}

const ARTICLE = `<html><body>
  <nav><p>Cyber news: hackers everywhere in the menu.</p></nav>
  <main>
    <h1>Parliament targeted</h1>
    <p>Officials said Russian hackers broke into the parliament's mail server last spring.</p>
    <p>The weather was mild. Markets closed higher on Tuesday after a quiet session of trading.</p>
    <p>Moscow denied that its hackers had any role in the intrusion.</p>
    <p>${'Filler prose about budgets and schools and the weather. '.repeat(6)}</p>
  </main>
</body></html>`;

/** linkedom has no Range: just enough of one for anchoring, painting and reading the text back. */
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) out.push(n as Text);
    else out.push(...textNodes(n));
  }
  return out;
}

class FakeRange {
  startContainer!: Text;
  startOffset = 0;
  endContainer!: Text;
  endOffset = 0;
  constructor(private readonly doc: Document) {}
  setStart(node: Text, offset: number) {
    this.startContainer = node;
    this.startOffset = offset;
  }
  setEnd(node: Text, offset: number) {
    this.endContainer = node;
    this.endOffset = offset;
  }
  get collapsed() {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
  toString() {
    const all = textNodes(this.doc.body);
    const a = all.indexOf(this.startContainer);
    const b = all.indexOf(this.endContainer);
    if (a < 0 || b < 0) return '';
    if (a === b) return this.startContainer.data.slice(this.startOffset, this.endOffset);
    return [
      this.startContainer.data.slice(this.startOffset),
      ...all.slice(a + 1, b).map((t) => t.data),
      this.endContainer.data.slice(0, this.endOffset),
    ].join('');
  }
}

function setup(html = ARTICLE, over: Partial<ControllerDeps> = {}) {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  doc.createRange = () => new FakeRange(doc) as unknown as Range;
  const scrolled: string[] = [];
  const proto = (doc.defaultView as unknown as { HTMLElement: { prototype: Record<string, unknown> } }).HTMLElement
    .prototype;
  proto.scrollIntoView = function (this: Element) {
    scrolled.push(this.textContent ?? '');
  };
  const bg = fakeBackground();
  const p = fakePainter();
  const c = fakeCard();
  const hit = vi.fn((_d: Document, _r: readonly Range[], _x: number, _y: number) => -1);
  const rect = { top: 10, left: 10, bottom: 20, right: 100, width: 90, height: 10 } as DOMRect;
  const controller = createController({
    doc,
    send: bg.send,
    counterStatements: bg.counterStatements,
    openReport: vi.fn(async () => ({ ok: true })),
    createPainter: () => p.painter,
    createCard: () => c.card,
    hitTest: hit,
    rectOf: () => rect,
    mutationDelayMs: 5,
    navigationDelayMs: 5,
    flashMs: 5,
    // Between slices and warm-up steps: a microtask here, so tests see the first scan right away.
    yieldToPage: async () => {},
    ...over,
  });
  return { doc, bg, p, c, hit, controller, scrolled };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('content controller', () => {
  it('scans the article, paints each allegation on its own text and publishes the count', async () => {
    const { doc, bg, p, controller } = setup();
    await controller.start();
    expect(bg.calls).toHaveLength(1);
    expect(bg.calls[0]?.mode).toBe('replace');
    // Only the article's text is handed to the background, not the navigation around it.
    expect(bg.calls[0]?.text).toContain('Moscow denied');
    expect(bg.calls[0]?.text.includes('menu')).toBe(false);
    expect(p.painted.map((x) => x.range.toString())).toEqual([
      "Officials said Russian hackers broke into the parliament's mail server last spring.",
      'Moscow denied that its hackers had any role in the intrusion.',
    ]);
    expect(p.painted.map((x) => x.stance)).toEqual(['accusation', 'denial']);
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('2');
  });

  it('publishes 0 when the page has no allegation, and still tells the background (to clear the old report)', async () => {
    const { doc, bg, controller } = setup('<html><body><main><p>Nothing to see here today.</p></main></body></html>');
    await controller.start();
    expect(bg.calls).toHaveLength(1);
    expect(bg.calls[0]).toMatchObject({ mode: 'replace', offset: 0, sentences: [] });
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('0');
  });

  it('scans only text added after the first scan, with offsets that never collide with earlier ones', async () => {
    const { doc, bg, p, controller } = setup();
    await controller.start();
    const firstEnd = Math.max(...(bg.calls[0]?.sentences.map((s) => s.end) ?? [0]));
    const para = doc.createElement('p');
    para.textContent = 'Investigators later said the same hackers also hit the senate.';
    doc.querySelector('main')?.appendChild(para);
    // A node added outside the article (a late comment widget) is not scanned.
    const aside = doc.createElement('div');
    aside.textContent = 'A commenter claims hackers did it all.';
    doc.body.appendChild(aside);
    await wait(30);
    await controller.idle();
    expect(bg.calls).toHaveLength(2);
    const append = bg.calls[1];
    expect(append?.mode).toBe('append');
    expect(append?.sentences.map((s) => s.text)).toEqual([
      'Investigators later said the same hackers also hit the senate.',
    ]);
    expect(append?.sentences[0]?.start).toBeGreaterThan(firstEnd);
    expect(p.painted.at(-1)?.range.toString()).toBe('Investigators later said the same hackers also hit the senate.');
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('3');
    // Report order: the controller's items follow the background's (first scan, then the append).
    expect(controller.items.map((i) => i.allegation.text.slice(0, 12))).toEqual([
      'Officials sa',
      'Moscow denie',
      'Investigator',
    ]);
  });

  it('stop removes highlights, the card, the observer and the published count; start scans again', async () => {
    const { doc, bg, p, c, controller } = setup();
    await controller.start();
    expect(controller.handleMessage({ type: 'step', direction: 1 }).ok).toBe(true);
    controller.stop();
    expect(p.painted).toHaveLength(0);
    expect(c.isDestroyed()).toBe(true);
    expect(doc.documentElement.hasAttribute('data-counterpoint-allegations')).toBe(false);
    // Nothing is scanned while stopped, even if the page changes.
    const para = doc.createElement('p');
    para.textContent = 'More hackers struck the ministry on Friday, officials said.';
    doc.querySelector('main')?.appendChild(para);
    await wait(30);
    expect(bg.calls).toHaveLength(1);
    expect(controller.handleMessage({ type: 'reveal', index: 0 }).ok).toBe(false);
    await controller.start();
    expect(bg.calls).toHaveLength(2);
    expect(p.painted).toHaveLength(3);
  });

  it('an SPA navigation drops the old highlights and re-scans the new content as a fresh report', async () => {
    const { doc, bg, p, controller } = setup();
    await controller.start();
    const main = doc.querySelector('main') as Element;
    main.innerHTML = `<p>Chinese hackers were blamed for the breach at the port authority, officials said.</p><p>${'Other words. '.repeat(30)}</p>`;
    controller.navigated();
    expect(p.painted).toHaveLength(0);
    await wait(40);
    await controller.idle();
    const last = bg.calls.at(-1);
    expect(last?.mode).toBe('replace');
    expect(p.painted.map((x) => x.range.toString())).toEqual([
      'Chinese hackers were blamed for the breach at the port authority, officials said.',
    ]);
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('1');
  });

  it('answers reveal by report index and steps through allegations in both directions, wrapping', async () => {
    const { p, c, controller, scrolled } = setup();
    await controller.start();
    expect(controller.handleMessage({ type: 'reveal', index: 1 }).ok).toBe(true);
    expect(scrolled.at(-1)).toContain('Moscow denied');
    expect(p.flashes.at(-1)?.toString()).toContain('Moscow denied');
    expect(c.shown.at(-1)).toMatchObject({ position: '2 / 2', focus: false });
    expect(controller.handleMessage({ type: 'reveal', index: 7 }).ok).toBe(false);
    controller.handleMessage({ type: 'step', direction: 1 });
    expect(c.shown.at(-1)).toMatchObject({ position: '1 / 2', focus: true });
    controller.handleMessage({ type: 'step', direction: -1 });
    expect(c.shown.at(-1)?.text).toContain('Moscow denied');
    await wait(20);
    // The emphasis ends by itself.
    expect(p.flashes.at(-1)).toBeNull();
  });

  it('opens the card for a click on an allegation, closes it for a click elsewhere', async () => {
    const { doc, c, hit, controller } = setup();
    await controller.start();
    const win = doc.defaultView as unknown as { MouseEvent?: typeof MouseEvent; Event: typeof Event };
    // The reader's clicks are trusted; a page can only dispatch untrusted ones.
    const click = (trusted = true) => {
      const e = new win.Event('click', { bubbles: true }) as MouseEvent;
      Object.assign(e, { button: 0, clientX: 5, clientY: 5 });
      Object.defineProperty(e, 'isTrusted', { value: trusted });
      doc.body.dispatchEvent(e);
    };
    hit.mockReturnValue(0);
    click(false);
    expect(c.card.isOpen()).toBe(false);
    expect(hit).not.toHaveBeenCalled();
    hit.mockClear();
    hit.mockReturnValueOnce(0);
    click();
    expect(c.card.isOpen()).toBe(true);
    expect(c.shown.at(-1)?.text).toContain('Officials said');
    hit.mockReturnValueOnce(-1);
    click();
    expect(c.card.isOpen()).toBe(false);
    controller.stop();
    hit.mockReturnValue(0);
    click();
    expect(hit).toHaveBeenCalledTimes(2);
  });

  it('shows the card at once, then the counter-statements when the background has them (asked once)', async () => {
    const { bg, c, controller } = setup();
    await controller.start();
    controller.handleMessage({ type: 'reveal', index: 1 });
    expect(c.shown.at(-1)).toMatchObject({ loading: true, claims: [] });
    await wait(0);
    expect(c.shown.at(-1)).toMatchObject({
      loading: false,
      claims: ['pack/answer-1'],
      text: expect.stringContaining('Moscow'),
    });
    controller.handleMessage({ type: 'reveal', index: 1 });
    expect(c.shown.at(-1)).toMatchObject({ loading: false, claims: ['pack/answer-1'] });
    expect(bg.counterStatements).toHaveBeenCalledTimes(1);
  });

  it('never sends or paints a paragraph twice when it is added inside text still waiting to be scanned', async () => {
    const { doc, bg, p, controller } = setup();
    let release: () => void = () => {};
    const real = bg.send.getMockImplementation();
    // The first scan's answer is late (a cold background): later scans queue behind it.
    bg.send.mockImplementationOnce(
      (slice, mode) =>
        new Promise((resolve) => {
          release = () => resolve(real?.(slice, mode) ?? { allegations: [] });
        }),
    );
    const started = controller.start();
    await wait(0);
    expect(bg.send).toHaveBeenCalledTimes(1);
    const main = doc.querySelector('main') as Element;
    const section = doc.createElement('section');
    section.innerHTML = '<p>Officials said Chinese hackers broke into the port authority in May.</p>';
    main.appendChild(section);
    // Its scan is queued behind the late one...
    await wait(30);
    // ...and a live update lands inside it before that queued scan reads it.
    const update = doc.createElement('p');
    update.textContent = 'A later update said the same hackers also hit the customs service.';
    section.appendChild(update);
    await wait(30);
    release();
    await started;
    await wait(30);
    await controller.idle();
    const sent = bg.calls.flatMap((c) => c.sentences.map((s) => s.text));
    expect(sent.filter((t) => t.startsWith('A later update'))).toHaveLength(1);
    expect(sent.filter((t) => t.startsWith('Officials said Chinese'))).toHaveLength(1);
    const texts = p.painted.map((x) => x.range.toString());
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toContain('A later update said the same hackers also hit the customs service.');
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('4');
  });

  it('ignores the answer to a scan that a stop overtook', async () => {
    const { doc, bg, p, controller } = setup();
    let release: () => void = () => {};
    bg.send.mockImplementationOnce(
      (slice) =>
        new Promise((resolve) => {
          const first = sliceSentences(slice.text, slice.offset, LIMITS.maxSentenceChars)[0];
          release = () =>
            resolve({
              allegations: [
                testAllegation('RU', { text: first?.text ?? '', start: first?.start ?? 0, end: first?.end ?? 1 }),
              ],
            });
        }),
    );
    const started = controller.start();
    await wait(0);
    controller.stop();
    release();
    await started;
    expect(p.painted).toHaveLength(0);
    expect(doc.documentElement.hasAttribute('data-counterpoint-allegations')).toBe(false);
  });
});

/** The first scan's answer waits for `release`: the page can change meanwhile, as it can in a browser. */
function holdFirstAnswer(bg: ReturnType<typeof fakeBackground>) {
  let release: () => void = () => {};
  const real = bg.send.getMockImplementation();
  bg.send.mockImplementationOnce(
    (slice, mode) =>
      new Promise((resolve) => {
        release = () => resolve(real?.(slice, mode) ?? { allegations: [] });
      }),
  );
  return () => release();
}

const OFFICIALS = "Officials said Russian hackers broke into the parliament's mail server last spring.";
const MOSCOW = 'Moscow denied that its hackers had any role in the intrusion.';

function paragraph(doc: Document, start: string): HTMLElement {
  const p = Array.from(doc.querySelectorAll('p')).find((x) => x.textContent?.startsWith(start));
  if (p === undefined) throw new Error(`no paragraph ${start}`);
  return p as HTMLElement;
}

describe('the quote check: text that moved between the scan and its answer', () => {
  it('paints the allegations on their own words when nothing moved, with none unanchored', async () => {
    const { doc, p, controller } = setup();
    await controller.start();
    expect(p.painted.map((x) => x.range.toString())).toEqual([OFFICIALS, MOSCOW]);
    expect(doc.documentElement.getAttribute('data-counterpoint-unanchored')).toBe('0');
  });

  it('finds a sentence whose text node was rewritten in place, instead of painting the old offsets', async () => {
    const { doc, bg, p, controller } = setup();
    const release = holdFirstAnswer(bg);
    const started = controller.start();
    await wait(0);
    // A live page prefixes the paragraph (same node, new text) before the answer comes back.
    const text = paragraph(doc, 'Officials').firstChild as Text;
    text.data = `UPDATE 14:02 — ${text.data}`;
    release();
    await started;
    expect(p.painted.map((x) => x.range.toString())).toEqual([OFFICIALS, MOSCOW]);
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('2');
    expect(doc.documentElement.getAttribute('data-counterpoint-unanchored')).toBe('0');
  });

  it('finds a paragraph the page rendered again, and does not send its text a second time', async () => {
    const { doc, bg, p, controller } = setup();
    const release = holdFirstAnswer(bg);
    const started = controller.start();
    await wait(0);
    const old = paragraph(doc, 'Moscow');
    const copy = doc.createElement('p');
    copy.textContent = old.textContent;
    old.replaceWith(copy);
    release();
    await started;
    await wait(30);
    await controller.idle();
    expect(p.painted.map((x) => x.range.toString())).toEqual([OFFICIALS, MOSCOW]);
    expect(p.painted[1]?.range.startContainer.parentNode).toBe(copy);
    // The new paragraph's text was answered already: no scan sends it again (it would be painted twice).
    expect(bg.calls.flatMap((c) => c.sentences.map((s) => s.text)).filter((t) => t === MOSCOW)).toHaveLength(1);
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('2');
  });

  it('leaves a sentence that is gone unpainted, counts it, and keeps report order for the others', async () => {
    const { doc, bg, p, controller } = setup();
    const release = holdFirstAnswer(bg);
    const started = controller.start();
    await wait(0);
    paragraph(doc, 'Officials').remove();
    release();
    await started;
    expect(p.painted.map((x) => x.range.toString())).toEqual([MOSCOW]);
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('1');
    expect(doc.documentElement.getAttribute('data-counterpoint-unanchored')).toBe('1');
    // Report index 0 is the sentence that is gone: nothing to reveal; index 1 is still Moscow's.
    expect(controller.handleMessage({ type: 'reveal', index: 0 }).ok).toBe(false);
    expect(controller.handleMessage({ type: 'reveal', index: 1 }).ok).toBe(true);
    controller.stop();
    expect(doc.documentElement.hasAttribute('data-counterpoint-unanchored')).toBe(false);
  });
});

describe('Save and Annotate… from the card', () => {
  function withClaims(saved: string | null = null) {
    let callbacks: CardCallbacks | null = null;
    const claims = {
      savedId: vi.fn((_r: Range): string | null => saved),
      save: vi.fn(async (_r: Range): Promise<string | null> => 'urn:uuid:1'),
      annotate: vi.fn(async (_id: string) => ({ ok: true })),
    } satisfies ClaimActions;
    const t = setup(ARTICLE, {
      claims,
      createCard: (_d, cb) => {
        callbacks = cb;
        return t.c.card;
      },
    });
    const cb = () => {
      if (callbacks === null) throw new Error('no card yet');
      return callbacks;
    };
    return { ...t, claims, cb };
  }

  it('saves the allegation on screen once, then annotates that claim', async () => {
    const { c, controller, claims, cb } = withClaims();
    await controller.start();
    controller.handleMessage({ type: 'reveal', index: 1 });
    expect(c.shown.at(-1)).toMatchObject({ saved: false });
    const [first, second] = await Promise.all([cb().onSave?.(), cb().onSave?.()]);
    expect([first, second]).toEqual([true, true]);
    expect(claims.save).toHaveBeenCalledTimes(1);
    expect(claims.save.mock.calls[0]?.[0].toString()).toBe(MOSCOW);
    expect(await cb().onAnnotate?.()).toBe(true);
    expect(claims.save).toHaveBeenCalledTimes(1);
    expect(claims.annotate).toHaveBeenCalledWith('urn:uuid:1');
    controller.handleMessage({ type: 'reveal', index: 1 });
    expect(c.shown.at(-1)).toMatchObject({ saved: true });
  });

  it('annotates a claim already saved without saving it again', async () => {
    const { c, controller, claims, cb } = withClaims('urn:uuid:old');
    await controller.start();
    controller.handleMessage({ type: 'reveal', index: 0 });
    expect(c.shown.at(-1)).toMatchObject({ saved: true });
    expect(await cb().onAnnotate?.()).toBe(true);
    expect(claims.save).not.toHaveBeenCalled();
    expect(claims.annotate).toHaveBeenCalledWith('urn:uuid:old');
  });

  it('tries a failed save again, and annotates nothing after a failure', async () => {
    const { controller, claims, cb } = withClaims();
    claims.save.mockResolvedValueOnce(null);
    await controller.start();
    controller.handleMessage({ type: 'reveal', index: 0 });
    expect(await cb().onAnnotate?.()).toBe(false);
    expect(claims.annotate).not.toHaveBeenCalled();
    expect(await cb().onSave?.()).toBe(true);
    expect(claims.save).toHaveBeenCalledTimes(2);
  });

  it('gives the card no Save without claim actions', async () => {
    let callbacks: CardCallbacks | null = null;
    const t = setup(ARTICLE, {
      createCard: (_d, cb) => {
        callbacks = cb;
        return t.c.card;
      },
    });
    await t.controller.start();
    t.controller.handleMessage({ type: 'reveal', index: 0 });
    expect((callbacks as CardCallbacks | null)?.onSave).toBeUndefined();
  });
});

describe('extractAddedText', () => {
  it('keeps document order, drops nested duplicates, skipped and out-of-article nodes', () => {
    const { document } = parseHTML(
      '<html><body><main><p id="a">First para.</p><div id="b"><p id="c">Second para.</p></div><textarea id="t">typed text</textarea></main><aside id="x">Aside text.</aside></body></html>',
    );
    const doc = document as unknown as Document;
    const get = (id: string) => doc.getElementById(id) as Element;
    const page = extractAddedText(doc, [get('c'), get('b'), get('x'), get('a'), get('t')]);
    expect(page.text.trim().split(/\n+/)).toEqual(['First para.', 'Second para.']);
    expect(page.chunks.map((c) => c.node.data)).toEqual(['First para.', 'Second para.']);
  });

  it('takes the article regions inside an added wrapper', () => {
    const { document } = parseHTML('<html><body><header>Site header</header></body></html>');
    const doc = document as unknown as Document;
    const wrapper = doc.createElement('div');
    wrapper.innerHTML = '<nav>Menu</nav><article><p>Body text here.</p></article>';
    doc.body.appendChild(wrapper);
    expect(extractAddedText(doc, [wrapper]).text.trim()).toBe('Body text here.');
  });
});

/**
 * Counts the DOM work of a function on a linkedom document: calls of the
 * tree-walking accessors and methods the extraction uses. Linear work grows
 * with the nodes; a pairwise containment test grows with their square.
 */
function countDomWork(doc: Document, run: () => void): number {
  // Every prototype an element or a text node inherits from (linkedom defines accessors at several levels).
  const protos = new Set<object>();
  for (const sample of [doc.createElement('p'), doc.createTextNode('t')])
    for (let o = Object.getPrototypeOf(sample); o !== null && o !== Object.prototype; o = Object.getPrototypeOf(o))
      protos.add(o);
  const names = ['parentElement', 'nextSibling', 'firstChild', 'isConnected', 'contains', 'compareDocumentPosition'];
  let calls = 0;
  const restore: Array<() => void> = [];
  for (const proto of protos)
    for (const name of names) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (d === undefined) continue;
      const wrapped: PropertyDescriptor = { ...d };
      if (d.get) {
        const get = d.get;
        wrapped.get = function (this: unknown) {
          calls++;
          return get.call(this);
        };
      } else if (typeof d.value === 'function') {
        const fn = d.value as (...a: unknown[]) => unknown;
        wrapped.value = function (this: unknown, ...a: unknown[]) {
          calls++;
          return fn.apply(this, a);
        };
      }
      Object.defineProperty(proto, name, wrapped);
      restore.push(() => Object.defineProperty(proto, name, d));
    }
  try {
    run();
  } finally {
    for (const r of restore) r();
  }
  return calls;
}

describe('added nodes in bulk (issue 10, point 2)', () => {
  /** A page that appended `n` articles (each a region of its own) and `n` paragraphs to its main region. */
  function bulkPage(n: number) {
    const { document } = parseHTML('<html><body><main id="m"><p>Start of the story.</p></main></body></html>');
    const doc = document as unknown as Document;
    const main = doc.getElementById('m') as Element;
    const added: Node[] = [];
    for (let i = 0; i < n; i++) {
      const p = doc.createElement('p');
      p.textContent = `Paragraph ${i} of the live blog.`;
      main.appendChild(p);
      added.push(p);
      const article = doc.createElement('article');
      article.textContent = `Teaser ${i}.`;
      doc.body.appendChild(article);
      added.push(article);
    }
    return { doc, added };
  }

  it('reads N added nodes with work linear in N (no pairwise containment test)', () => {
    const work = (n: number) => {
      const { doc, added } = bulkPage(n);
      let text = '';
      const calls = countDomWork(doc, () => {
        text = extractAddedText(doc, added).text;
      });
      // Every paragraph and every teaser once.
      expect(text.split('\n\n')).toHaveLength(2 * n);
      return calls;
    };
    const small = work(500);
    const large = work(2_000);
    expect(small).toBeGreaterThan(500);
    // Four times the nodes, about four times the work (the quadratic reading did ~16×).
    expect(large / small).toBeLessThan(4.6);
  });

  it('keeps document order whatever order the nodes come in, and reads a node inside another once', () => {
    const { doc, added } = bulkPage(50);
    const inOrder = extractAddedText(doc, added).text;
    // The main region's paragraphs come before the articles after it.
    expect(inOrder.indexOf('Paragraph 49 ')).toBeGreaterThan(0);
    expect(inOrder.indexOf('Paragraph 49 ')).toBeLessThan(inOrder.indexOf('Teaser 0.'));
    const shuffled = [...added].reverse();
    const main = doc.getElementById('m') as Element;
    expect(extractAddedText(doc, [...shuffled, main, ...Array.from(main.childNodes)]).text).toBe(
      extractAddedText(doc, [main, ...added.filter((n) => n.parentNode !== main)]).text,
    );
    expect(extractAddedText(doc, shuffled).text).toBe(inOrder);
  });

  it('scans thousands of paragraphs appended one by one, each once, read in bounded slices, sent in few messages', async () => {
    let yields = 0;
    const yieldToPage = () => {
      yields++;
      return new Promise<void>((resolve) => setTimeout(resolve, 0));
    };
    const { doc, bg, controller } = setup(ARTICLE, { sliceChars: 2_000, nodesPerFlush: 700, yieldToPage });
    await controller.start();
    const main = doc.querySelector('main') as Element;
    const n = 3_000;
    for (let i = 0; i < n; i++) {
      const p = doc.createElement('p');
      // Every paragraph a candidate sentence (the prefilter picks "hackers").
      p.textContent = `Update ${i}: hackers were blamed for outage number ${i} in the region.`;
      main.appendChild(p);
    }
    for (let i = 0; i < 200 && bg.calls.flatMap((c) => c.sentences).length < n + 2; i++) {
      await wait(10);
      await controller.idle();
    }
    const appends = bg.calls.slice(1);
    expect(appends.every((c) => c.mode === 'append')).toBe(true);
    const sent = appends.flatMap((c) => c.sentences.map((s) => s.text));
    expect(sent).toHaveLength(n);
    expect(new Set(sent).size).toBe(n);
    // Read ~2,000 characters at a time, the page's thread given back between slices (~200,000 characters in all)…
    const chars = appends.reduce((sum, c) => sum + c.text.length, 0);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(chars / 4_000));
    // …and sent one message per batch of added nodes (700 a batch), none over the message limit.
    expect(appends).toHaveLength(Math.ceil(n / 700));
    for (const c of appends) expect(c.text.length).toBeLessThanOrEqual(LIMITS.maxScanTextChars);
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe(String(2 + n));
  });
});

describe('DOM churn (issue 10, point 6)', () => {
  it('does not keep nodes the page added and removed again while it waits to scan', async () => {
    const { doc, controller } = setup(ARTICLE, { mutationDelayMs: 60_000, maxMutationWaitMs: 120_000 });
    await controller.start();
    const main = doc.querySelector('main') as Element;
    for (let i = 0; i < 3_000; i++) {
      const ad = doc.createElement('div');
      ad.textContent = `Rotating banner ${i}`;
      main.appendChild(ad);
      // Each change delivered on its own, as a page churning every 10 ms does.
      await Promise.resolve();
      await new Promise((r) => setTimeout(r, 0));
      ad.remove();
    }
    // Only the nodes still in the page could be waiting: a few hundred at most, not thousands.
    expect(controller.pending).toBeLessThanOrEqual(600);
    controller.stop();
    expect(controller.pending).toBe(0);
  });

  it('scans text added during continuous churn within the maximum wait, not when the churn stops', async () => {
    let clock = 0;
    const { doc, bg, controller } = setup(ARTICLE, {
      mutationDelayMs: 40,
      maxMutationWaitMs: 150,
      now: () => clock,
    });
    await controller.start();
    const main = doc.querySelector('main') as Element;
    const para = doc.createElement('p');
    para.textContent = 'Prosecutors said the hackers also breached the port authority.';
    main.appendChild(para);
    const addedAt = clock;
    let scannedAt: number | null = null;
    // Churn: a node added and removed every 10 ms (of the fake clock), with real timers firing in between.
    for (let tick = 0; tick < 200 && scannedAt === null; tick++) {
      clock += 10;
      const ad = doc.createElement('span');
      ad.textContent = `ad ${tick}`;
      main.appendChild(ad);
      await new Promise((r) => setTimeout(r, 2));
      ad.remove();
      await controller.idle();
      if (bg.calls.some((c) => c.sentences.some((s) => s.text.includes('port authority')))) scannedAt = clock;
    }
    expect(scannedAt).not.toBeNull();
    // Scanned while the churn went on, within the maximum wait (plus a tick or two of delivery).
    expect((scannedAt as number) - addedAt).toBeLessThanOrEqual(150 + 30);
  });
});

describe('long pages (issue 10, point 11)', () => {
  it('scans text past 1,000,000 characters: the whole page in slices, the first a replace, the others appended', async () => {
    const filler = `<p>${'Quiet prose about the weather, the harvest and the price of bread in the market. '.repeat(12)}</p>`;
    const paragraphs = Math.ceil(1_200_000 / 1_000);
    const html = `<html><body><main><p>Early on, officials said Russian hackers hit the grid.</p>${filler.repeat(paragraphs)}<p>At the very end, the minister said Iranian hackers stole the files.</p></main></body></html>`;
    const { doc, bg, p, controller } = setup(html);
    await controller.start();
    expect(bg.calls[0]?.mode).toBe('replace');
    expect(bg.calls.slice(1).every((c) => c.mode === 'append')).toBe(true);
    // Read 50,000 characters at a time, sent in batches as large as a message holds: few round trips.
    const chars = bg.calls.reduce((sum, c) => sum + c.text.length, 0);
    expect(chars).toBeGreaterThan(1_000_000);
    for (const c of bg.calls) expect(c.text.length).toBeLessThanOrEqual(LIMITS.maxScanTextChars);
    expect(bg.calls.length).toBeLessThanOrEqual(Math.ceil(chars / (LIMITS.maxScanTextChars - 2 * 50_000)));
    expect(p.painted.map((x) => x.range.toString())).toEqual([
      'Early on, officials said Russian hackers hit the grid.',
      'At the very end, the minister said Iranian hackers stole the files.',
    ]);
    // Offsets of the slices never collide: the report's order is the page's.
    const starts = bg.calls.flatMap((c) => c.sentences.map((s) => s.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(doc.documentElement.getAttribute('data-counterpoint-allegations')).toBe('2');
  });

  it('sends a text node longer than one message may hold in pieces cut at spaces, losing no sentence', async () => {
    const n = 9_000;
    const body = Array.from({ length: n }, (_, i) => `Hackers struck site ${i}.`).join(' ');
    expect(body.length).toBeGreaterThan(LIMITS.maxScanTextChars);
    const { bg, controller } = setup(`<html><body><main><p>${body}</p></main></body></html>`);
    await controller.start();
    expect(bg.calls.map((c) => c.mode)).toEqual(['replace', 'append']);
    for (const c of bg.calls) expect(c.text.length).toBeLessThanOrEqual(LIMITS.maxScanTextChars);
    // Cut after a space, the second piece starts where the first ended, at a sentence's first word.
    expect(bg.calls[1]?.offset).toBe(bg.calls[0]?.text.length);
    expect(bg.calls[1]?.text).toMatch(/^Hackers struck site \d+\./);
    expect(controller.items).toHaveLength(n);
  });
});

describe('scan pieces: a slice longer than a message holds', () => {
  it('keeps a short slice whole, and cuts a long one after a line break, a full stop or a space, losing nothing', () => {
    expect(scanPieces('short text', 100)).toEqual([{ start: 0, text: 'short text' }]);
    const text = `${'word '.repeat(15)}end of one.\n${'Next sentence here. '.repeat(10)}${'x'.repeat(150)}`;
    const pieces = scanPieces(text, 100);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(100);
      expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
    }
    // The first cut is after the line break, the next ones after full stops, and a text with no space is cut hard.
    expect(pieces[0]?.text.endsWith('end of one.\n')).toBe(true);
    expect(pieces[1]?.text.endsWith('here. ')).toBe(true);
    expect(pieces.at(-1)?.text).toMatch(/^x+$/);
  });
});
