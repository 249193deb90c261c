/**
 * Stops an HTTP server gracefully: no new connections, in-flight requests finish, and whatever
 * still runs at the deadline has its connection closed so the process can exit within the
 * pod's grace period.
 * @see https://nodejs.org/api/http.html#servercloseallconnections
 */
import type { Logger } from '@dbulk/logger';

export interface ClosableHttpApp {
  close(): Promise<unknown>;
  server: { closeAllConnections(): void };
}

export async function closeHttpServer(app: ClosableHttpApp, logger: Logger, deadlineMs: number): Promise<void> {
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs: deadlineMs }, 'requests still running after the drain deadline, closing their connections');
    app.server.closeAllConnections();
  }, deadlineMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
}
