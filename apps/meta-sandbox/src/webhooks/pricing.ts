/**
 * The `pricing` and `conversation` objects of status webhooks under per-message pricing (PMP,
 * since 2025-07-01) and conversation-based pricing (CBP, before).
 * @see ../shared/meta/README.md (beside the repository) §6.2
 */
export type PricingCategory = 'marketing' | 'utility' | 'authentication' | 'service';

export interface PricingInput {
  model: 'PMP' | 'CBP';
  category: PricingCategory;
  /** An open customer-service window makes service messages and utility templates free (PMP). */
  inWindow: boolean;
}

export function pricingObject({ model, category, inWindow }: PricingInput) {
  if (model === 'CBP') {
    // Service conversations are free since 2024-11-01.
    return { billable: category !== 'service', pricing_model: 'CBP', category };
  }
  const free = category === 'service' || (category === 'utility' && inWindow);
  return { billable: !free, pricing_model: 'PMP', type: free ? 'free_customer_service' : 'regular', category };
}

export interface ConversationInput {
  id: string;
  category: PricingCategory;
  /** Unix seconds; present on `sent` only. */
  expiresAt?: number;
}

export function conversationObject({ id, category, expiresAt }: ConversationInput) {
  return { id, ...(expiresAt === undefined ? {} : { expiration_timestamp: String(expiresAt) }), origin: { type: category } };
}

/** v24.0+ drops `conversation` from PMP status webhooks; v23.0 and older keep a per-message one. */
export function pmpKeepsConversation(apiVersion: string): boolean {
  const major = Number(/^v(\d+)/.exec(apiVersion)?.[1] ?? 0);
  return major > 0 && major <= 23;
}
