/**
 * Packs the user switched off in the options page: still installed (and
 * exported, and listed), but never offered as counter-statements. A setting
 * rather than a database field, so that switching costs no write to the packs.
 */
import { storage } from 'wxt/utils/storage';

export const disabledPacks = /* @__PURE__ */ storage.defineItem<string[]>('local:disabledPacks', {
  fallback: [],
  version: 1,
});

/** The stored list, tolerating anything but a list of names (treated as nothing switched off). */
export function packIdsOf(value: unknown): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string' && v !== ''))] : [];
}

/** Switches a pack on or off; returns the new list. */
export async function setPackDisabled(id: string, disabled: boolean): Promise<string[]> {
  const current = packIdsOf(await disabledPacks.getValue());
  const next = disabled ? [...new Set([...current, id])].sort() : current.filter((p) => p !== id);
  await disabledPacks.setValue(next);
  return next;
}
