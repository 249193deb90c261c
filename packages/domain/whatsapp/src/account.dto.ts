import type { WhatsappAccount } from '@dbulk/db';

/** What a browser may see of an account: never the token, sealed or not. */
export interface WhatsappAccountDto {
  id: string;
  wabaId: string;
  phoneNumberId: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
  qualityRating: string | null;
  messagingLimitTier: string | null;
  messagingLimit: number | null;
  throughputLevel: string | null;
  throughputMps: number;
  status: WhatsappAccount['status'];
  statusReason: string | null;
  tokenExpiresAt: string | null;
  scopes: string[];
  webhookSubscribed: boolean;
  isSandbox: boolean;
  lastValidatedAt: string | null;
  createdAt: string;
}

export function toAccountDto(account: WhatsappAccount, messagingLimit: number | undefined): WhatsappAccountDto {
  return {
    id: account.id,
    wabaId: account.wabaId,
    phoneNumberId: account.phoneNumberId,
    displayPhoneNumber: account.displayPhoneNumber ?? null,
    verifiedName: account.verifiedName ?? null,
    qualityRating: account.qualityRating ?? null,
    messagingLimitTier: account.messagingLimitTier ?? null,
    messagingLimit: messagingLimit === undefined ? null : Number.isFinite(messagingLimit) ? messagingLimit : -1,
    throughputLevel: account.throughputLevel ?? null,
    throughputMps: account.throughputMps,
    status: account.status,
    statusReason: account.statusReason ?? null,
    tokenExpiresAt: account.tokenExpiresAt?.toISOString() ?? null,
    scopes: account.scopes ?? [],
    webhookSubscribed: account.webhookSubscribed,
    isSandbox: account.isSandbox,
    lastValidatedAt: account.lastValidatedAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
  };
}
