import type { IncidentTimeline } from '@core/pack/timeline';
import { sendToBackground } from '@src/messaging/client';

/** An incident's timeline from the background's claim database (null when no installed pack has it). */
export async function loadTimeline(pack: string, id: string): Promise<IncidentTimeline | null> {
  return (await sendToBackground<'incidentTimeline'>({ type: 'incidentTimeline', pack, id })).timeline;
}
