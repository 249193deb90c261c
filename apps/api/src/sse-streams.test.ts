import { describe, expect, it } from 'vitest';
import { SseStreams } from './sse-streams';

const encoder = new TextEncoder();

/** An endless event stream, like a subscription that never returns; records whether it was cancelled. */
function endless() {
  const state = { cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('event: connected\ndata: {}\n\n'));
    },
    cancel() {
      state.cancelled = true;
    },
  });
  return { state, response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }) };
}

describe('SseStreams', () => {
  it('ends open streams cleanly and cancels their source', async () => {
    const streams = new SseStreams();
    const { state, response } = endless();
    const tracked = streams.track(response);
    expect(tracked.headers.get('content-type')).toBe('text/event-stream');
    expect(streams.size).toBe(1);

    const reader = tracked.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('event: connected');
    const pending = reader.read();
    streams.closeAll();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(state.cancelled).toBe(true);
    expect(streams.size).toBe(0);
  });

  it('forgets a stream the client closed', async () => {
    const streams = new SseStreams();
    const { state, response } = endless();
    const tracked = streams.track(response);
    await tracked.body!.cancel();
    expect(streams.size).toBe(0);
    expect(state.cancelled).toBe(true);
    streams.closeAll();
  });

  it('forgets a stream that finished by itself', async () => {
    const streams = new SseStreams();
    const tracked = streams.track(new Response('data: 1\n\n'));
    expect(await tracked.text()).toBe('data: 1\n\n');
    expect(streams.size).toBe(0);
  });
});
