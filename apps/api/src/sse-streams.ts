/**
 * Keeps hold of every open SSE response so shutdown can end them cleanly: the client sees the
 * stream finish (and its EventSource reconnects to another replica with Last-Event-ID) instead
 * of a reset connection, and the subscription's generator stops through its abort signal.
 * fastify.close() would otherwise wait for these never-ending responses.
 * @see https://trpc.io/docs/server/subscriptions#sse
 * @see https://fastify.dev/docs/latest/Reference/Hooks/#preclose
 */
export class SseStreams {
  readonly #open = new Set<() => void>();

  get size(): number {
    return this.#open.size;
  }

  /** Wraps a streaming Response so that `closeAll()` can end it from the server side. */
  track(response: Response): Response {
    if (!response.body) return response;
    const reader = response.body.getReader();
    const open = this.#open;
    let closed = false;
    let end = () => {};
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        end = () => {
          if (closed) return;
          closed = true;
          open.delete(end);
          controller.close();
          // Cancelling the source aborts the subscription's signal inside tRPC.
          reader.cancel().catch(() => {});
        };
        open.add(end);
      },
      async pull(controller) {
        const chunk = await reader.read();
        if (closed) return;
        if (chunk.done) end();
        else controller.enqueue(chunk.value);
      },
      cancel(reason) {
        closed = true;
        open.delete(end);
        return reader.cancel(reason);
      },
    });
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  closeAll(): void {
    for (const end of [...this.#open]) end();
  }
}
