/**
 * The subscription messages of the options page: checked (extension pages
 * only, each payload by its schema), then handed to the subscriptions.
 */
import {
  type SubscriptionMessageType,
  type SubscriptionResponses,
  validateSubscriptionMessage,
} from '@src/messaging/subscription-protocol';
import type { Subscriptions } from './subscriptions';

export async function handleSubscriptionMessage<K extends SubscriptionMessageType>(
  subscriptions: Subscriptions,
  type: K,
  message: unknown,
  refuse: (reason: string) => Promise<never>,
): Promise<SubscriptionResponses[K]> {
  const checked = validateSubscriptionMessage(type, message);
  if (!checked.ok) return refuse(checked.reason);
  const m = checked.value as { type: SubscriptionMessageType; url?: string };
  switch (m.type) {
    case 'listSubscriptions':
      return { subscriptions: await subscriptions.list() } as SubscriptionResponses[K];
    case 'subscribe':
      return (await subscriptions.subscribe(m.url ?? '')) as SubscriptionResponses[K];
    case 'unsubscribe':
      return { removed: await subscriptions.unsubscribe(m.url ?? '') } as SubscriptionResponses[K];
    case 'updateSubscription':
      return (await subscriptions.update(m.url ?? '')) as SubscriptionResponses[K];
  }
}
