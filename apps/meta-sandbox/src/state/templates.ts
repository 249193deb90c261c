/**
 * Message templates per WABA. Names are not unique (one template per name × language); an
 * approved template's name+language stays blocked for 30 days after deletion, and creations
 * are counted per hour for Meta's 100/h limit.
 */
export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type TemplateStatus = 'PENDING' | 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED' | 'IN_APPEAL' | 'PENDING_DELETION' | 'DELETED' | 'ARCHIVED' | 'LIMIT_EXCEEDED';

export interface TemplateButton {
  type: string;
  text?: string;
  url?: string;
  phone_number?: string;
  example?: string[] | string;
  [key: string]: unknown;
}

export interface TemplateComponent {
  type: 'HEADER' | 'BODY' | 'FOOTER' | 'BUTTONS';
  format?: string;
  text?: string;
  example?: Record<string, unknown>;
  buttons?: TemplateButton[];
  [key: string]: unknown;
}

export interface Template {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: TemplateCategory;
  previousCategory: TemplateCategory | null;
  status: TemplateStatus;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
  rejectedReason: string;
  qualityScore: { score: 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN'; date: number };
  createdAt: number;
  /** Times of edits made while APPROVED (1 per 24 h, 10 per 30 days). */
  approvedEdits: number[];
  pauses: number;
  /** Bumped on every edit and status change, so a review or unpause timer set earlier can tell it is stale. */
  revision: number;
}

export const HOUR_MS = 60 * 60 * 1000;
const DELETION_BLOCK_MS = 30 * 24 * HOUR_MS;

export class TemplateStore {
  readonly byId = new Map<string, Template>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly creations = new Map<string, number[]>();

  ofWaba(wabaId: string): Template[] {
    return [...this.byId.values()].filter((template) => template.wabaId === wabaId);
  }

  find(wabaId: string, name: string, language: string): Template | undefined {
    return this.ofWaba(wabaId).find((template) => template.name === name && template.language === language);
  }

  add(template: Template): void {
    this.byId.set(template.id, template);
  }

  remove(template: Template, now: number): void {
    this.byId.delete(template.id);
    if (template.status === 'APPROVED') this.blockedUntil.set(key(template.wabaId, template.name, template.language), now + DELETION_BLOCK_MS);
  }

  isBlocked(wabaId: string, name: string, language: string, now: number): boolean {
    return (this.blockedUntil.get(key(wabaId, name, language)) ?? 0) > now;
  }

  /** Creations in the last hour (for the 100/h limit). */
  creationsInLastHour(wabaId: string, now: number): number {
    const recent = (this.creations.get(wabaId) ?? []).filter((at) => at > now - HOUR_MS);
    this.creations.set(wabaId, recent);
    return recent.length;
  }

  recordCreation(wabaId: string, now: number): void {
    this.creations.set(wabaId, [...(this.creations.get(wabaId) ?? []), now]);
  }
}

const key = (wabaId: string, name: string, language: string) => `${wabaId}:${name}:${language}`;
