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

/** After the deadline, connections are closed again this often until the server has closed. */
const RECLOSE_MS = 100;

export async function closeHttpServer(app: ClosableHttpApp, logger: Logger, deadlineMs: number): Promise<void> {
  let repeat: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs: deadlineMs }, 'requests still running after the drain deadline, closing their connections');
    app.server.closeAllConnections();
    // A connection accepted while the server was closing can escape the first sweep and would
    // hold close() open for good: sweep again until it returns.
    repeat = setInterval(() => app.server.closeAllConnections(), RECLOSE_MS);
  }, deadlineMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
    clearInterval(repeat);
  }
}
