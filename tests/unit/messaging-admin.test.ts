import {
  LIMITS,
  validateExportAllRequest,
  validateExportPackRequest,
  validateImportMispGalaxyRequest,
  validateImportPackRequest,
  validateJsonValue,
  validateListPacksRequest,
  validateRemovePackRequest,
} from '@src/messaging/protocol';
import { describe, expect, it } from 'vitest';

function reasonOf(r: { ok: true } | { ok: false; reason: string }): string {
  if (r.ok) throw new Error('expected a rejection');
  return r.reason;
}

describe('pack operation requests', () => {
  it('accepts the well-formed ones, as fresh copies', () => {
    expect(validateListPacksRequest({ type: 'listPacks' })).toEqual({ ok: true, value: { type: 'listPacks' } });
    expect(validateExportAllRequest({ type: 'exportAll' })).toEqual({ ok: true, value: { type: 'exportAll' } });
    expect(validateExportPackRequest({ type: 'exportPack', id: 'a' })).toEqual({
      ok: true,
      value: { type: 'exportPack', id: 'a' },
    });
    const id = 'x'.repeat(LIMITS.maxIdChars);
    expect(validateRemovePackRequest({ type: 'removePack', id })).toEqual({
      ok: true,
      value: { type: 'removePack', id },
    });
    const json = { values: [{ value: 'APT31', meta: { synonyms: ['ZIRCONIUM'] } }] };
    const r = validateImportMispGalaxyRequest({ type: 'importMispGalaxy', json });
    expect(r).toEqual({ ok: true, value: { type: 'importMispGalaxy', json } });
    if (r.ok) expect(r.value.json).not.toBe(json);
  });

  it.each([
    ['a wrong type', validateListPacksRequest, { type: 'exportAll' }, /type must be "listPacks"/],
    ['extra keys', validateExportAllRequest, { type: 'exportAll', all: true }, /exactly the keys type$/],
    ['a missing id', validateExportPackRequest, { type: 'exportPack' }, /exactly the keys type, id/],
    ['a numeric id', validateExportPackRequest, { type: 'exportPack', id: 7 }, /id must be a string/],
    ['an empty id', validateRemovePackRequest, { type: 'removePack', id: '' }, /must not be empty/],
    ['a huge id', validateRemovePackRequest, { type: 'removePack', id: 'x'.repeat(129) }, /longer than 128/],
    ['an object id', validateRemovePackRequest, { type: 'removePack', id: { toString: () => 'a' } }, /string/],
    ['neither json nor file', validateImportPackRequest, { type: 'importPack' }, /either json or file/],
    [
      'both json and file',
      validateImportPackRequest,
      { type: 'importPack', json: {}, file: 'blob:x' },
      /either json or file/,
    ],
    [
      'a file that is not a string',
      validateImportPackRequest,
      { type: 'importPack', file: 3 },
      /file must be a string/,
    ],
    [
      'a file that is not a blob: URL',
      validateImportPackRequest,
      { type: 'importPack', file: 'https://e.org/p.json' },
      /file must be a blob: URL/,
    ],
    ['a non-object', validateImportPackRequest, 'importPack', /not a plain object/],
    ['an array', validateListPacksRequest, [{ type: 'listPacks' }], /not a plain object/],
  ])('refuses %s', (_, validate, message, reason) => {
    expect(reasonOf((validate as (x: unknown) => { ok: true } | { ok: false; reason: string })(message))).toMatch(
      reason,
    );
  });

  it('refuses accessors on the envelope', () => {
    const message = { type: 'removePack' } as Record<string, unknown>;
    Object.defineProperty(message, 'id', { enumerable: true, get: () => 'counterpoint-seed' });
    expect(reasonOf(validateRemovePackRequest(message))).toMatch(/data properties/);
  });

  it('refuses a __proto__ key of the envelope', () => {
    const message = JSON.parse('{"type":"listPacks","__proto__":{"admin":true}}');
    expect(validateListPacksRequest(message).ok).toBe(false);
  });
});

/** [1, <hole>, 3] */
function sparse(): unknown[] {
  const a: unknown[] = [1];
  a[2] = 3;
  return a;
}

describe('validateJsonValue', () => {
  it('copies plain JSON values, keeping keys such as "constructor"', () => {
    const value = JSON.parse('{"a":[1,"x",true,null,{"b":-2.5e3}],"constructor":"fine","":0}');
    const r = validateJsonValue(value);
    expect(r).toEqual({ ok: true, value });
    if (r.ok) expect(r.value).not.toBe(value);
    for (const scalar of ['a string', 3, false, null])
      expect(validateJsonValue(scalar)).toEqual({ ok: true, value: scalar });
  });

  it('accepts a payload near the limit', () => {
    const text = 'x'.repeat(LIMITS.maxJsonChars - 1_000);
    expect(validateJsonValue({ text }).ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":{"polluted":1}}}'), /json\.a\.__proto__: forbidden key/],
    ['a __proto__ key at the root', JSON.parse('{"__proto__":[]}'), /forbidden key/],
    ['a string over the limit', { text: 'x'.repeat(LIMITS.maxJsonChars + 1) }, /larger than/],
    ['many small strings over the limit', { list: Array(LIMITS.maxJsonChars / 8).fill('xxxxxx') }, /larger than/],
    ['a function', { f: () => 1 }, /function is not JSON/],
    ['undefined', { u: undefined }, /undefined is not JSON/],
    ['a symbol', [Symbol('s')], /symbol is not JSON/],
    ['a bigint', { n: 1n }, /bigint is not JSON/],
    ['NaN', { n: Number.NaN }, /not a finite number/],
    ['Infinity', [Number.POSITIVE_INFINITY], /not a finite number/],
    ['a Date', { d: new Date() }, /not a plain object/],
    ['a Map', new Map(), /not a plain object/],
    ['a class instance', { x: new (class Pack {})() }, /not a plain object/],
    ['a sparse array', { a: sparse() }, /json\.a\[1\]: missing/],
    ['a symbol key', { [Symbol('k')]: 1 }, /symbol keys/],
  ])('refuses %s', (_, value, reason) => {
    expect(reasonOf(validateJsonValue(value))).toMatch(reason);
  });

  it('refuses getters without running them', () => {
    let ran = false;
    const value = {};
    Object.defineProperty(value, 'claims', {
      enumerable: true,
      get: () => {
        ran = true;
        return [];
      },
    });
    expect(reasonOf(validateJsonValue(value))).toMatch(/json\.claims: not a data property/);
    expect(ran).toBe(false);
  });

  it('refuses deep nesting and cycles without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(reasonOf(validateJsonValue(deep))).toMatch(/nested deeper than/);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(reasonOf(validateJsonValue(cycle))).toMatch(/nested deeper than/);
    let ok: unknown = 1;
    for (let i = 0; i < LIMITS.maxJsonDepth; i++) ok = { ok };
    expect(validateJsonValue(ok).ok).toBe(true);
  });

  it('refuses a Proxy that throws', () => {
    const trap = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(reasonOf(validateJsonValue({ trap }))).toMatch(/unreadable/);
  });
});
