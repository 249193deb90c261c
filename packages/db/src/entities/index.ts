export * from './base';
export * from './tenant.entity';
export * from './user.entity';
export * from './membership.entity';
export * from './invitation.entity';
export * from './session.entity';
export * from './audit-log.entity';
export * from './system-setting.entity';
export * from './auth-throttle.entity';
export * from './whatsapp-account.entity';
export * from './template.entity';
export * from './suppression.entity';
export * from './webhook-event.entity';
export * from './message-event.entity';
export * from './contact.entity';
export * from './campaign.entity';
export * from './billing.entity';

import { AuditLog } from './audit-log.entity';
import { AuthThrottle } from './auth-throttle.entity';
import { Invitation } from './invitation.entity';
import { Membership } from './membership.entity';
import { Session } from './session.entity';
import { SystemSetting } from './system-setting.entity';
import { Tenant } from './tenant.entity';
import { User } from './user.entity';
import { WhatsappAccount } from './whatsapp-account.entity';
import { Template, TemplateVersion } from './template.entity';
import { Suppression } from './suppression.entity';
import { WebhookEvent } from './webhook-event.entity';
import { MessageEvent } from './message-event.entity';
import { Contact, ContactImport, ContactList, ContactListMember } from './contact.entity';
import { Campaign, CampaignMessage, SendRate } from './campaign.entity';
import { BillingVolume, Conversation, CreditHold, LedgerEntry, PricingRate, RateCard, TenantBalance } from './billing.entity';

/** The schema's entity list; later issues append their entities here. */
export const entities = [
  Tenant,
  User,
  Membership,
  Invitation,
  Session,
  AuditLog,
  SystemSetting,
  AuthThrottle,
  WhatsappAccount,
  Template,
  TemplateVersion,
  Suppression,
  WebhookEvent,
  MessageEvent,
  Contact,
  ContactList,
  ContactListMember,
  ContactImport,
  Campaign,
  CampaignMessage,
  SendRate,
  RateCard,
  PricingRate,
  Conversation,
  LedgerEntry,
  TenantBalance,
  CreditHold,
  BillingVolume,
];
