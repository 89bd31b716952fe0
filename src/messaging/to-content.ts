/**
 * The extension's messages to a page's content script (`reveal`, `step`),
 * checked without the schema library: the content script must stay small.
 * Their types derive from the valibot schemas in protocol.ts
 * (`ToContentSchemas`), and a unit test runs both on the same corpus of good
 * and bad messages (tests/unit/messaging-to-content.test.ts): this checker
 * and the schema must agree on every one.
 */
import type { Validation } from './boundary';
import type { ToContentMessage } from './protocol';

function own(x: object, key: string): { value: unknown } | null {
  const field = Object.getOwnPropertyDescriptor(x, key);
  return field !== undefined && 'value' in field ? { value: field.value } : null;
}

/** Exactly the keys `type` and `field`, as data properties of a plain object; the value of `field`. */
function fieldOf(x: unknown, field: string): { value: unknown } | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return null;
  const keys = Reflect.ownKeys(x);
  if (keys.length !== 2 || !keys.includes('type') || !keys.includes(field)) return null;
  return own(x, 'type') === null ? null : own(x, field);
}

/** Validates a message the content script receives (it trusts only its own extension, and checks anyway). */
export function validateToContentMessage(x: unknown): Validation<ToContentMessage> {
  const type = typeof x === 'object' && x !== null ? own(x, 'type')?.value : undefined;
  if (type === 'reveal') {
    const index = fieldOf(x, 'index')?.value;
    if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) {
      return { ok: false, reason: 'reveal needs exactly an index, a non-negative integer' };
    }
    return { ok: true, value: { type: 'reveal', index } };
  }
  if (type === 'step') {
    const direction = fieldOf(x, 'direction')?.value;
    if (direction !== 1 && direction !== -1) return { ok: false, reason: 'step needs exactly a direction, 1 or -1' };
    return { ok: true, value: { type: 'step', direction } };
  }
  return { ok: false, reason: 'unknown message type' };
}
