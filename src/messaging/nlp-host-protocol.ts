/**
 * The messages between the background's service worker and its NLP host: the
 * NLP, kept in a worker of an offscreen document (Chrome), which outlives
 * the service worker (see src/background/nlp-host/). Only the service worker
 * sends them (the NLP host checks the sender first); each is declared once as
 * a valibot schema, its type inferred from it. Answers are built by the
 * NLP host itself and only typed here; the service worker still checks their
 * shape before using them.
 */
import type { ActorRecord } from '@core/actors/types';
import { ACTOR_KINDS } from '@core/pack/schema';
import type { Allegation } from '@core/types';
import * as v from 'valibot';
import { exactly, nonNegativeInteger, parseMessage, typeIs, type Validation } from './boundary';
import { LIMITS } from './limits';

const SegmentSchema = exactly({
  text: v.pipe(
    v.string('must be a string'),
    v.maxLength(LIMITS.maxSentenceChars, `is longer than ${LIMITS.maxSentenceChars} chars`),
  ),
  start: nonNegativeInteger(),
  end: nonNegativeInteger(),
});

const names = v.array(v.string('must be a string'), 'must be an array of strings');
const LocalisedFormsSchema = exactly({ en: names, fr: names });

/** An actor the detector reads besides the built-in ones (the imported MISP clusters' groups). */
const ActorRecordSchema = v.strictObject({
  id: v.string('must be a string'),
  kind: v.picklist(ACTOR_KINDS, `must be one of ${ACTOR_KINDS.join(', ')}`),
  names: LocalisedFormsSchema,
  demonyms: v.optional(LocalisedFormsSchema),
  aliases: v.optional(names),
  state: v.optional(v.string('must be a string')),
  source: v.optional(v.string('must be a string')),
  exactCase: v.optional(v.boolean('must be a boolean')),
});

/**
 * Reads a scan's candidate sentences for a tab, in that tab's turn (the
 * NLP host shares its time between tabs, detect-queue.ts). `actorsKey` names
 * the actor list the sentences must be read with: an NLP host that holds
 * another asks for it (`needActors`).
 */
export const HostRunSchema = exactly({
  type: typeIs('nlpRun'),
  tabId: nonNegativeInteger(),
  // A scan holds at most LIMITS.maxScanTextChars characters, so at most that many sentences.
  segments: v.pipe(
    v.array(SegmentSchema, 'must be an array'),
    v.maxLength(LIMITS.maxScanTextChars, `has more than ${LIMITS.maxScanTextChars} sentences`),
  ),
  actorsKey: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.maxIdChars, 'is too long')),
});
/** Drops the tab's reads still waiting (a new page in the tab, or the tab closed). */
export const HostCancelSchema = exactly({ type: typeIs('nlpCancel'), tabId: nonNegativeInteger() });
/** The actor list to read with from now on, and its key. */
export const HostActorsSchema = exactly({
  type: typeIs('nlpActors'),
  key: v.pipe(v.string('must be a string'), v.maxLength(LIMITS.maxIdChars, 'is too long')),
  actors: v.array(ActorRecordSchema, 'must be an array'),
});

export const HostRequestSchema = v.variant(
  'type',
  [HostRunSchema, HostCancelSchema, HostActorsSchema],
  'is not an NLP host message',
);
export type HostRequest = v.InferOutput<typeof HostRequestSchema>;
export type HostRun = v.InferOutput<typeof HostRunSchema>;

/** The types of the NLP host's messages: no other part of the extension answers them. */
export const NLP_HOST_MESSAGE_TYPES: ReadonlySet<string> = new Set(['nlpRun', 'nlpCancel', 'nlpActors']);

export type HostResponse =
  /** The allegations of a run, in order; null when a cancel dropped it first. */
  | { found: Allegation[] | null }
  /** The run's `actorsKey` is not the NLP host's: send `nlpActors`, then the run again. */
  | { needActors: true }
  | { ok: true }
  | { error: string };

export function validateHostRequest(x: unknown): Validation<HostRequest> {
  return parseMessage(HostRequestSchema, x, { maxChars: LIMITS.maxJsonChars });
}

// The schema's type and the detector's actor type must stay one.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const actorTypesAgree: Same<v.InferOutput<typeof ActorRecordSchema>, ActorRecord> = true;
void actorTypesAgree;
