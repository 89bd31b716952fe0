/**
 * The background's saved-claim messages to a content script, checked without
 * the schema library (the content script must stay small): exactly the key
 * `type`, as a data property, with one of two values.
 */
import type { SavedToContent } from './saved-protocol';

export function validateSavedToContent(x: unknown): SavedToContent | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== null) return null;
  const keys = Reflect.ownKeys(x);
  if (keys.length !== 1 || keys[0] !== 'type') return null;
  const field = Object.getOwnPropertyDescriptor(x, 'type');
  if (field === undefined || !('value' in field)) return null;
  return field.value === 'collectSelection' || field.value === 'savedChanged' ? { type: field.value } : null;
}
