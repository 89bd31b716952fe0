/**
 * Claim-pack subscriptions (the options page → background), declared once as
 * valibot schemas: the validator and the types derive from them. Extension
 * pages only: the background refuses them from content scripts.
 */
import { SUBSCRIPTION_LIMITS, type Subscription } from '@core/pack/subscription';
import * as v from 'valibot';
import { exactly, parseMessage, typeIs, type Validation } from './boundary';

const url = v.pipe(
  v.string('must be a string'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(SUBSCRIPTION_LIMITS.maxUrlLength, `is longer than ${SUBSCRIPTION_LIMITS.maxUrlLength} chars`),
);

export const SubscriptionMessageSchemas = {
  listSubscriptions: exactly({ type: typeIs('listSubscriptions') }),
  /** Adds the address (after the options page obtained its origin's permission) and fetches it at once. */
  subscribe: exactly({ type: typeIs('subscribe'), url }),
  /** Stops updates; the pack stays installed. */
  unsubscribe: exactly({ type: typeIs('unsubscribe'), url }),
  /** "Update now". */
  updateSubscription: exactly({ type: typeIs('updateSubscription'), url }),
} as const;

export type SubscriptionMessageType = keyof typeof SubscriptionMessageSchemas;
export type SubscriptionMessage<K extends SubscriptionMessageType> = v.InferOutput<
  (typeof SubscriptionMessageSchemas)[K]
>;

export type SubscriptionOutcome = { ok: true; subscription: Subscription } | { ok: false; error: string };

export interface SubscriptionResponses {
  listSubscriptions: { subscriptions: Subscription[] };
  subscribe: SubscriptionOutcome;
  unsubscribe: { removed: boolean };
  updateSubscription: SubscriptionOutcome;
}

export function isSubscriptionMessageType(type: string | null): type is SubscriptionMessageType {
  return type !== null && Object.hasOwn(SubscriptionMessageSchemas, type);
}

export function validateSubscriptionMessage<K extends SubscriptionMessageType>(
  type: K,
  x: unknown,
): Validation<SubscriptionMessage<K>> {
  return parseMessage(SubscriptionMessageSchemas[type], x) as Validation<SubscriptionMessage<K>>;
}
