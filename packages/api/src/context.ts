/**
 * Inner context (what a procedure needs, no request) and the request facts the HTTP host
 * adds. Tests build both without HTTP and call procedures through `createCaller`.
 * @see https://trpc.io/docs/server/context#inner-and-outer-context
 */
import type { EventEmitter } from 'node:events';
import type { EntityManager, MikroORM, Session, User } from '@dbulk/db';
import type { Logger } from '@dbulk/logger';
import { validateSessionToken } from '@dbulk/auth';
import type { WhatsappDeps } from '@dbulk/domain-whatsapp';
import type { CampaignProducer } from '@dbulk/domain-campaigns';

export interface HealthReport {
  database: 'up' | 'down';
  kafka: 'up' | 'down';
}

export interface ApiDeps {
  orm: MikroORM;
  logger: Logger;
  /** Emits `audit` with `{ id, tenantId }` for every committed audit row (PostgreSQL NOTIFY). */
  auditFeed: EventEmitter;
  /** Emits `event` with each dbulk.events record this replica consumes (campaign progress for SSE). */
  events: EventEmitter;
  /** Produces dbulk.control (campaign pause/resume/cancel) and dbulk.events (progress) records. */
  producer: CampaignProducer;
  health: () => Promise<HealthReport>;
  version: string;
  startedAt: Date;
  /** Origins allowed to send mutations (CSRF defence); the web apps' URLs. */
  allowedOrigins: string[];
  /** The Graph API client and the keyring that seals tenants' access tokens. */
  whatsapp: WhatsappDeps;
  /** The Meta sandbox's base URL where one is configured (dev, demos, tests); null in production. */
  sandboxUrl: string | null;
}

export interface CookieJar {
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
}

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  origin: string | null;
  sessionToken: string | null;
  cookies: CookieJar;
}

export interface Context extends ApiDeps {
  em: EntityManager;
  req: RequestMeta;
  session: Session | null;
  user: User | null;
  /** Set after sign-in or sign-up within this request. */
  sessionToken: string | null;
}

export async function createContext(deps: ApiDeps, req: RequestMeta): Promise<Context> {
  const em = deps.orm.em.fork();
  const valid = req.sessionToken ? await validateSessionToken(em, req.sessionToken) : null;
  if (req.sessionToken && !valid) req.cookies.clearSession();
  if (valid?.renewed && req.sessionToken) req.cookies.setSession(req.sessionToken, valid.session.expiresAt);
  return { ...deps, em, req, session: valid?.session ?? null, user: valid?.user ?? null, sessionToken: req.sessionToken };
}
