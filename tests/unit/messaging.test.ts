import { LIMITS, messageType, validateGetTabReportRequest, validateScanRequest } from '@src/messaging/protocol';
import { describe, expect, it } from 'vitest';

/** A scan: a slice of the page's text at `offset` in its running text. */
const scan = <T>(text: T, offset: unknown = 0) => ({ type: 'scan', mode: 'replace', offset, text });

function reasonOf(x: unknown): string {
  const r = validateScanRequest(x);
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
}

describe('validateScanRequest: valid payloads', () => {
  it('accepts an empty scan (it clears the tab’s report)', () => {
    expect(validateScanRequest(scan(''))).toEqual({
      ok: true,
      value: { type: 'scan', mode: 'replace', offset: 0, text: '' },
    });
  });

  it('accepts a slice of text and returns a fresh copy', () => {
    const input = { ...scan('La Chine a lancé des cyberattaques.\nHackers breached it.', 40), mode: 'append' };
    const r = validateScanRequest(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(input);
    expect(r.value).not.toBe(input);
  });

  it('accepts exactly the limits', () => {
    expect(validateScanRequest(scan('x'.repeat(LIMITS.maxScanTextChars))).ok).toBe(true);
    expect(validateScanRequest(scan('a', Number.MAX_SAFE_INTEGER)).ok).toBe(true);
  });

  it('accepts null-prototype objects (structured clones may be)', () => {
    const msg = Object.assign(Object.create(null), scan('abc', 3));
    expect(validateScanRequest(msg).ok).toBe(true);
  });

  it('accepts what JSON round-trips to', () => {
    const wire = JSON.parse(JSON.stringify(scan('Russian hackers.', 5)));
    expect(validateScanRequest(wire).ok).toBe(true);
  });
});

describe('validateScanRequest: wrong shapes', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'scan'],
    ['a number', 42],
    ['an array', [scan('')]],
    ['a function', () => scan('')],
    ['a Date', new Date()],
    ['a Map', new Map([['type', 'scan']])],
  ])('rejects %s', (_, x) => {
    expect(validateScanRequest(x).ok).toBe(false);
  });

  it('rejects class instances', () => {
    class Fake {
      type = 'scan';
      mode = 'replace';
      offset = 0;
      text = '';
    }
    expect(reasonOf(new Fake())).toMatch(/plain object/);
  });

  it('rejects a missing or wrong type or mode', () => {
    expect(validateScanRequest({ mode: 'replace', offset: 0, text: '' }).ok).toBe(false);
    expect(reasonOf({ ...scan(''), type: 'SCAN' })).toMatch(/type/);
    expect(reasonOf({ ...scan(''), type: 'getTabReport' })).toMatch(/type/);
    expect(reasonOf({ ...scan(''), type: ['scan'] })).toMatch(/type/);
    expect(reasonOf({ ...scan(''), mode: 'merge' })).toMatch(/mode/);
  });

  it('rejects extra keys, including a page URL, and the old list of sentences', () => {
    expect(reasonOf({ ...scan(''), url: 'https://www.lesoir.be/x' })).toMatch(/exactly/);
    expect(reasonOf({ ...scan(''), tabId: 3 })).toMatch(/exactly/);
    expect(reasonOf({ type: 'scan', mode: 'replace', sentences: [] })).toMatch(/exactly|offset|text/);
  });

  it('rejects symbol and non-enumerable extra keys', () => {
    const withSymbol = { ...scan(''), [Symbol('x')]: 1 };
    expect(validateScanRequest(withSymbol).ok).toBe(false);
    const hidden = scan('');
    Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
    expect(validateScanRequest(hidden).ok).toBe(false);
  });
});

describe('validateScanRequest: hostile payloads', () => {
  it.each([
    ['negative', -1],
    ['fractional', 0.5],
    ['NaN', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['an unsafe integer', 2 ** 53],
    ['a string', '0'],
    ['a boolean', false],
    ['missing', undefined],
  ])('rejects an offset that is %s', (_, offset) => {
    const msg: Record<string, unknown> = scan('abc', offset);
    if (offset === undefined) delete msg.offset;
    expect(reasonOf(msg)).toMatch(/offset/);
  });

  it.each([
    ['an array', ['a', 'b', 'c']],
    ['a String object', new String('abc')],
    ['a number', 3],
    ['null', null],
  ])('rejects a text that is %s', (_, text) => {
    expect(reasonOf(scan(text))).toMatch(/text/);
  });

  it('rejects text over the length limit, before reading it', () => {
    const started = performance.now();
    expect(reasonOf(scan('x'.repeat(LIMITS.maxScanTextChars + 1)))).toMatch(/longer|large|chars/);
    expect(reasonOf(scan('x'.repeat(20 * LIMITS.maxScanTextChars)))).toMatch(/longer|large|chars/);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('rejects __proto__ keys without polluting', () => {
    const top = JSON.parse('{"type":"scan","mode":"replace","offset":0,"text":"","__proto__":{"polluted":true}}');
    expect(validateScanRequest(top).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects constructor and prototype keys', () => {
    expect(validateScanRequest({ ...scan(''), constructor: { prototype: { x: 1 } } }).ok).toBe(false);
    expect(validateScanRequest({ ...scan(''), prototype: {} }).ok).toBe(false);
  });

  it('rejects objects with a foreign prototype', () => {
    const evil = Object.create(scan(''));
    expect(validateScanRequest(evil).ok).toBe(false);
  });

  it('never runs getters', () => {
    let calls = 0;
    const msg = { type: 'scan', mode: 'replace', offset: 0 } as Record<string, unknown>;
    Object.defineProperty(msg, 'text', {
      enumerable: true,
      get() {
        calls++;
        return 'a';
      },
    });
    expect(validateScanRequest(msg).ok).toBe(false);
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
