// Messages to the content script: typed by valibot schemas, checked there by small hand-written
// validators (the content script's size budget). Both must agree on every message of a corpus.
import { parseMessage } from '@src/messaging/boundary';
import { ToContentMessageSchema, validateToContentMessage } from '@src/messaging/protocol';
import { SavedToContentSchema } from '@src/messaging/saved-protocol';
import { validateSavedToContent } from '@src/messaging/to-content-saved';
import { describe, expect, it } from 'vitest';

function withGetter(base: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out = { ...base };
  Object.defineProperty(out, key, { enumerable: true, get: () => value });
  return out;
}

const nullProto = (fields: Record<string, unknown>) => Object.assign(Object.create(null), fields);

const GOOD_TO_CONTENT: unknown[] = [
  { type: 'reveal', index: 0 },
  { type: 'reveal', index: 7 },
  { type: 'reveal', index: 999 },
  { type: 'reveal', index: Number.MAX_SAFE_INTEGER },
  { type: 'step', direction: 1 },
  { type: 'step', direction: -1 },
  nullProto({ type: 'reveal', index: 2 }),
  JSON.parse('{"type":"step","direction":-1}'),
];

const BAD_TO_CONTENT: unknown[] = [
  null,
  undefined,
  'reveal',
  42,
  [{ type: 'reveal', index: 0 }],
  { type: 'reveal' },
  { type: 'reveal', index: -1 },
  { type: 'reveal', index: 1.5 },
  { type: 'reveal', index: '2' },
  { type: 'reveal', index: Number.NaN },
  { type: 'reveal', index: Number.POSITIVE_INFINITY },
  { type: 'reveal', index: 2 ** 53 },
  { type: 'reveal', index: null },
  { type: 'reveal', index: [1] },
  { type: 'reveal', index: { valueOf: () => 1 } },
  { type: 'reveal', index: 1, html: '<b>x</b>' },
  { type: 'reveal', index: 1, direction: 1 },
  { type: 'step' },
  { type: 'step', direction: 0 },
  { type: 'step', direction: 2 },
  { type: 'step', direction: '1' },
  { type: 'step', direction: true },
  { type: 'step', direction: 1, index: 0 },
  { type: 'scan', sentences: [] },
  { type: 'REVEAL', index: 0 },
  { type: ['reveal'], index: 0 },
  { index: 0 },
  withGetter({ type: 'reveal' }, 'index', 0),
  withGetter({ index: 0 }, 'type', 'reveal'),
  { type: 'reveal', index: 0, [Symbol('x')]: 1 },
  JSON.parse('{"type":"reveal","index":0,"__proto__":{"x":1}}'),
  Object.create({ type: 'reveal', index: 0 }),
  Object.assign(Object.create({ polluted: true }), { type: 'step', direction: 1 }),
  new (class {
    type = 'reveal';
    index = 0;
  })(),
  new Map([['type', 'reveal']]),
];

const GOOD_SAVED: unknown[] = [
  { type: 'collectSelection' },
  { type: 'savedChanged' },
  nullProto({ type: 'savedChanged' }),
];

const BAD_SAVED: unknown[] = [
  null,
  'savedChanged',
  {},
  { type: 'saveClaim' },
  { type: 'savedChanged', tabId: 1 },
  { type: 'collectSelection', claim: {} },
  withGetter({}, 'type', 'savedChanged'),
  { type: 'savedChanged', [Symbol('x')]: 1 },
  Object.create({ type: 'savedChanged' }),
  [{ type: 'savedChanged' }],
];

describe('messages to the content script: hand checker and schema agree', () => {
  it.each(GOOD_TO_CONTENT.map((m, i) => [i, m]))('accepts good reveal/step message %i with both', (_, message) => {
    const hand = validateToContentMessage(message);
    const schema = parseMessage(ToContentMessageSchema, message);
    expect(hand.ok).toBe(true);
    expect(schema.ok).toBe(true);
    if (hand.ok && schema.ok) expect(hand.value).toEqual(schema.value);
  });

  it.each(BAD_TO_CONTENT.map((m, i) => [i, m]))('refuses bad reveal/step message %i with both', (_, message) => {
    expect(validateToContentMessage(message).ok).toBe(false);
    expect(parseMessage(ToContentMessageSchema, message).ok).toBe(false);
  });

  it.each(GOOD_SAVED.map((m, i) => [i, m]))('accepts good saved-claim message %i with both', (_, message) => {
    const hand = validateSavedToContent(message);
    const schema = parseMessage(SavedToContentSchema, message);
    expect(hand).not.toBeNull();
    expect(schema.ok).toBe(true);
    if (schema.ok) expect(hand).toEqual(schema.value);
  });

  it.each(BAD_SAVED.map((m, i) => [i, m]))('refuses bad saved-claim message %i with both', (_, message) => {
    expect(validateSavedToContent(message)).toBeNull();
    expect(parseMessage(SavedToContentSchema, message).ok).toBe(false);
  });

  it('returns fresh copies, never the sender object', () => {
    const message = { type: 'reveal', index: 3 };
    const hand = validateToContentMessage(message);
    expect(hand.ok && hand.value).not.toBe(message);
  });
});
