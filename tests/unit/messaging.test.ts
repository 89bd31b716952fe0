import { LIMITS, messageType, validateGetTabReportRequest, validateScanRequest } from '@src/messaging/protocol';
import { describe, expect, it } from 'vitest';

const sentence = (start: number, text: string) => ({ start, end: start + text.length, text });
const scan = <T>(sentences: T) => ({ type: 'scan', mode: 'replace', sentences });

function reasonOf(x: unknown): string {
  const r = validateScanRequest(x);
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
}

describe('validateScanRequest: valid payloads', () => {
  it('accepts an empty scan', () => {
    expect(validateScanRequest(scan([]))).toEqual({
      ok: true,
      value: { type: 'scan', mode: 'replace', sentences: [] },
    });
  });

  it('accepts sentences and returns a fresh copy', () => {
    const input = scan([sentence(0, 'La Chine a lancé des cyberattaques.'), sentence(40, 'Hackers breached it.')]);
    const r = validateScanRequest(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(input);
    expect(r.value).not.toBe(input);
    expect(r.value.sentences).not.toBe(input.sentences);
    expect(r.value.sentences[0]).not.toBe(input.sentences[0]);
  });

  it('accepts exactly the limits', () => {
    const many = Array.from({ length: LIMITS.maxSentences }, (_, i) => sentence(i * 10, 'abc'));
    expect(validateScanRequest(scan(many)).ok).toBe(true);
    expect(validateScanRequest(scan([sentence(0, 'x'.repeat(LIMITS.maxSentenceChars))])).ok).toBe(true);
  });

  it('accepts null-prototype objects (structured clones may be)', () => {
    const s = Object.assign(Object.create(null), sentence(3, 'abc'));
    const msg = Object.assign(Object.create(null), { type: 'scan', mode: 'replace', sentences: [s] });
    expect(validateScanRequest(msg).ok).toBe(true);
  });

  it('accepts what JSON round-trips to', () => {
    const wire = JSON.parse(JSON.stringify(scan([sentence(5, 'Russian hackers.')])));
    expect(validateScanRequest(wire).ok).toBe(true);
  });
});

describe('validateScanRequest: wrong shapes', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'scan'],
    ['a number', 42],
    ['an array', [{ type: 'scan', mode: 'replace', sentences: [] }]],
    ['a function', () => ({ type: 'scan', mode: 'replace', sentences: [] })],
    ['a Date', new Date()],
    ['a Map', new Map([['type', 'scan']])],
  ])('rejects %s', (_, x) => {
    expect(validateScanRequest(x).ok).toBe(false);
  });

  it('rejects class instances', () => {
    class Fake {
      type = 'scan';
      sentences = [];
    }
    expect(reasonOf(new Fake())).toMatch(/plain object/);
  });

  it('rejects a missing or wrong type', () => {
    expect(validateScanRequest({ sentences: [] }).ok).toBe(false);
    expect(reasonOf({ type: 'SCAN', sentences: [] })).toMatch(/type/);
    expect(reasonOf({ type: 'getTabReport', sentences: [] })).toMatch(/type/);
    expect(reasonOf({ type: ['scan'], sentences: [] })).toMatch(/type/);
  });

  it('rejects extra keys, including a page URL', () => {
    expect(reasonOf({ type: 'scan', mode: 'replace', sentences: [], url: 'https://www.lesoir.be/x' })).toMatch(
      /exactly/,
    );
    expect(reasonOf({ type: 'scan', mode: 'replace', sentences: [], tabId: 3 })).toMatch(/exactly/);
    expect(
      reasonOf({ type: 'scan', mode: 'replace', sentences: [sentence(0, 'a')].map((s) => ({ ...s, lang: 'fr' })) }),
    ).toMatch(/exactly/);
  });

  it('rejects symbol and non-enumerable extra keys', () => {
    const withSymbol = { type: 'scan', mode: 'replace', sentences: [], [Symbol('x')]: 1 };
    expect(validateScanRequest(withSymbol).ok).toBe(false);
    const hidden = scan([]);
    Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
    expect(validateScanRequest(hidden).ok).toBe(false);
  });

  it('rejects non-array sentences', () => {
    for (const sentences of [null, 'abc', 3, { 0: sentence(0, 'a'), length: 1 }, new Set()]) {
      expect(reasonOf(scan(sentences))).toMatch(/array/);
    }
  });
});

describe('validateScanRequest: hostile payloads', () => {
  it('rejects more than the maximum number of sentences without walking them', () => {
    const many = Array.from({ length: LIMITS.maxSentences + 1 }, (_, i) => sentence(i * 10, 'abc'));
    expect(reasonOf(scan(many))).toMatch(/too many/);
    // A sparse array claiming a billion items must be refused at once.
    const started = performance.now();
    expect(reasonOf(scan(new Array(1_000_000_000)))).toMatch(/too many/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('rejects holes in the array', () => {
    const sparse: unknown[] = [];
    sparse[1] = sentence(0, 'a');
    expect(reasonOf(scan(sparse))).toMatch(/sentences\[0\]/);
  });

  it.each([
    ['negative start', { start: -1, end: 2, text: 'abc' }],
    ['negative end', { start: -5, end: -2, text: 'abc' }],
    ['fractional start', { start: 0.5, end: 3.5, text: 'abc' }],
    ['NaN start', { start: Number.NaN, end: 3, text: 'abc' }],
    ['infinite end', { start: 0, end: Number.POSITIVE_INFINITY, text: 'abc' }],
    ['unsafe integer', { start: 2 ** 53, end: 2 ** 53 + 3, text: 'abc' }],
    ['string offsets', { start: '0', end: '3', text: 'abc' }],
    ['boolean offset', { start: false, end: 3, text: 'abc' }],
    ['start equal to end', { start: 3, end: 3, text: '' }],
    ['start after end', { start: 6, end: 3, text: 'abc' }],
    ['length mismatch', { start: 0, end: 10, text: 'abc' }],
    ['non-string text', { start: 0, end: 3, text: ['a', 'b', 'c'] }],
    ['String object text', { start: 0, end: 3, text: new String('abc') }],
    ['missing text', { start: 0, end: 3 }],
    ['null sentence', null],
    ['string sentence', 'abc'],
    ['array sentence', [0, 3, 'abc']],
  ])('rejects a sentence with %s', (_, bad) => {
    expect(reasonOf(scan([sentence(0, 'ok'), bad]))).toMatch(/^sentences\[1\]/);
  });

  it('rejects text over the length limit', () => {
    const text = 'x'.repeat(LIMITS.maxSentenceChars + 1);
    expect(reasonOf(scan([{ start: 0, end: text.length, text }]))).toMatch(/longer/);
  });

  it('rejects __proto__ keys at the top level and in sentences, without polluting', () => {
    const top = JSON.parse('{"type":"scan","sentences":[],"__proto__":{"polluted":true}}');
    expect(validateScanRequest(top).ok).toBe(false);
    const inner = JSON.parse(
      '{"type":"scan","sentences":[{"start":0,"end":1,"text":"a","__proto__":{"polluted":true}}]}',
    );
    expect(validateScanRequest(inner).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects constructor and prototype keys', () => {
    expect(
      validateScanRequest({ type: 'scan', mode: 'replace', sentences: [], constructor: { prototype: { x: 1 } } }).ok,
    ).toBe(false);
    expect(validateScanRequest(scan([{ ...sentence(0, 'a'), prototype: {} }])).ok).toBe(false);
  });

  it('rejects objects with a foreign prototype', () => {
    const evil = Object.create({ type: 'scan', mode: 'replace', sentences: [] });
    expect(validateScanRequest(evil).ok).toBe(false);
    const forged = Object.assign(Object.create({ polluted: true }), sentence(0, 'a'));
    expect(validateScanRequest(scan([forged])).ok).toBe(false);
  });

  it('never runs getters', () => {
    let calls = 0;
    const msg = { type: 'scan', mode: 'replace' } as Record<string, unknown>;
    Object.defineProperty(msg, 'sentences', {
      enumerable: true,
      get() {
        calls++;
        return [];
      },
    });
    expect(validateScanRequest(msg).ok).toBe(false);
    const s = { start: 0, end: 1 } as Record<string, unknown>;
    Object.defineProperty(s, 'text', {
      enumerable: true,
      get() {
        calls++;
        return 'a';
      },
    });
    expect(validateScanRequest(scan([s])).ok).toBe(false);
    expect(calls).toBe(0);
  });

  it('never runs getters on the array', () => {
    let calls = 0;
    const list: unknown[] = [];
    Object.defineProperty(list, 0, {
      enumerable: true,
      get() {
        calls++;
        return sentence(0, 'a');
      },
    });
    expect(validateScanRequest(scan(list)).ok).toBe(false);
    expect(calls).toBe(0);
  });
});

describe('validateGetTabReportRequest', () => {
  it('accepts a tab id', () => {
    expect(validateGetTabReportRequest({ type: 'getTabReport', tabId: 12 })).toEqual({
      ok: true,
      value: { type: 'getTabReport', tabId: 12 },
    });
  });

  it.each([
    ['no tab id', { type: 'getTabReport' }],
    ['a string tab id', { type: 'getTabReport', tabId: '12' }],
    ['a negative tab id', { type: 'getTabReport', tabId: -1 }],
    ['a fractional tab id', { type: 'getTabReport', tabId: 1.5 }],
    ['an extra key', { type: 'getTabReport', tabId: 1, url: 'https://x' }],
    ['the wrong type', { type: 'scan', tabId: 1 }],
    ['null', null],
  ])('rejects %s', (_, x) => {
    expect(validateGetTabReportRequest(x).ok).toBe(false);
  });
});

describe('messageType', () => {
  it('reads a string type from plain objects only', () => {
    expect(messageType({ type: 'scan' })).toBe('scan');
    expect(messageType({ type: 3 })).toBeNull();
    expect(messageType('scan')).toBeNull();
    expect(messageType(null)).toBeNull();
    expect(messageType(Object.create({ type: 'scan' }))).toBeNull();
  });
});
