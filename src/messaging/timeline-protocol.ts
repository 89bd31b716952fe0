/**
 * The incident-timeline request of the extension pages (popup, report view,
 * timeline page), declared once as a valibot schema: its type and its
 * validator derive from it. Read-only; a page's content script never sends it,
 * only `openTimeline` (the card's incident link), which opens the timeline page.
 */
import type { IncidentTimeline } from '@core/pack/timeline';
import * as v from 'valibot';
import { type Validation, validateJsonValue } from './boundary';

/** Pack and incident ids, as the claim-pack format defines them. */
const packId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'expected an identifier'));

export const IncidentTimelineRequestSchema = v.strictObject({
  type: v.literal('incidentTimeline'),
  pack: packId,
  id: packId,
});

export type IncidentTimelineRequest = v.InferOutput<typeof IncidentTimelineRequestSchema>;

export interface IncidentTimelineResponse {
  /** Null when no installed pack has that incident (a pack removed since, a stale link). */
  timeline: IncidentTimeline | null;
}

/**
 * From the card: open an incident's timeline page next to the tab, with the
 * allegation placed on it at `date` (the page's publication date, or today).
 */
export const OpenTimelineRequestSchema = v.strictObject({
  type: v.literal('openTimeline'),
  pack: packId,
  id: packId,
  date: v.optional(v.pipe(v.string(), v.isoDate('expected a date (YYYY-MM-DD)'))),
});

export type OpenTimelineRequest = v.InferOutput<typeof OpenTimelineRequestSchema>;
export type OpenTimelineResponse = { ok: true } | { ok: false; error: string };

export function validateIncidentTimelineRequest(x: unknown): Validation<IncidentTimelineRequest> {
  return validateWith(IncidentTimelineRequestSchema, x);
}

export function validateOpenTimelineRequest(x: unknown): Validation<OpenTimelineRequest> {
  return validateWith(OpenTimelineRequestSchema, x);
}

function validateWith<S extends v.GenericSchema>(schema: S, x: unknown): Validation<v.InferOutput<S>> {
  const copy = validateJsonValue(x, 'message');
  if (!copy.ok) return copy;
  const parsed = v.safeParse(schema, copy.value);
  if (parsed.success) return { ok: true, value: parsed.output };
  const issue = parsed.issues[0];
  const path = (issue.path ?? []).map((p) => String((p as { key: unknown }).key)).join('.');
  return { ok: false, reason: `${path === '' ? '(message)' : path}: ${issue.message}` };
}
