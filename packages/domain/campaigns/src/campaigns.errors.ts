import { conflict, invalid, notFound, type AppError } from '@dbulk/errors';

export const CampaignErrors = {
  notFound: (id: string) => notFound('CAMPAIGN_NOT_FOUND', `campaign ${id} does not exist`),
  accountNotFound: (id: string) =>
    notFound('CAMPAIGN_ACCOUNT_NOT_FOUND', `WhatsApp account ${id} does not exist`, {
      details: { field: 'accountId' },
    }),
  accountNotConnected: (number: string, status: string, reason?: string | null) =>
    conflict(
      'CAMPAIGN_ACCOUNT_NOT_CONNECTED',
      `WhatsApp number ${number} is ${status}${reason ? ` (${reason})` : ''}; reconnect or revalidate it before sending`,
      {
        details: { field: 'accountId' },
      },
    ),
  templateNotFound: (id: string) =>
    notFound('CAMPAIGN_TEMPLATE_NOT_FOUND', `template ${id} does not exist`, {
      details: { field: 'templateId' },
    }),
  templateNotApproved: (name: string, status: string) =>
    conflict(
      'CAMPAIGN_TEMPLATE_NOT_APPROVED',
      `template ${name} is ${status}; campaigns need an APPROVED template`,
      {
        details: { field: 'templateId', status },
      },
    ),
  templateOtherWaba: (name: string) =>
    invalid(
      'CAMPAIGN_TEMPLATE_OTHER_WABA',
      `template ${name} belongs to another WhatsApp Business Account than the chosen number`,
      {
        details: { field: 'templateId' },
      },
    ),
  listNotFound: (ids: string[]) =>
    notFound('CAMPAIGN_LIST_NOT_FOUND', `contact list(s) ${ids.join(', ')} do not exist`, {
      details: { field: 'listIds' },
    }),
  noLists: () =>
    invalid('CAMPAIGN_NO_LISTS', 'choose at least one contact list', { details: { field: 'listIds' } }),
  notDraft: (name: string, status: string) =>
    conflict('CAMPAIGN_NOT_DRAFT', `campaign ${name} is ${status}; only drafts can be changed`, {
      details: { status },
    }),
  notStartable: (name: string, status: string) =>
    conflict('CAMPAIGN_NOT_STARTABLE', `campaign ${name} is ${status}; only a DRAFT can start`, {
      details: { status },
    }),
  unmapped: (name: string, keys: string[]) =>
    invalid('CAMPAIGN_VARIABLES_UNMAPPED', `campaign ${name} cannot start: no value for ${keys.join(', ')}`, {
      details: { field: 'variableMapping', unmapped: keys },
    }),
  noRecipients: (name: string) =>
    conflict('CAMPAIGN_NO_RECIPIENTS', `campaign ${name} cannot start: its lists and tags select no contact`),
  wrongStatus: (name: string, status: string, action: string, allowed: readonly string[]) =>
    conflict(
      'CAMPAIGN_WRONG_STATUS',
      `campaign ${name} is ${status}; ${action} needs it to be ${allowed.join(' or ')}`,
      {
        details: { status },
      },
    ),
  scheduleInPast: () =>
    invalid('CAMPAIGN_SCHEDULE_IN_PAST', 'the scheduled time has already passed', {
      details: { field: 'scheduledAt' },
    }),
  badSchedule: (value: string, timezone: string) =>
    invalid('CAMPAIGN_SCHEDULE_INVALID', `${value} is not a time in ${timezone}`, {
      details: { field: 'scheduledAt' },
    }),
} satisfies Record<string, (...args: never[]) => AppError>;
