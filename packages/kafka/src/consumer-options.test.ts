import { describe, expect, it } from 'vitest';
import { consumerGroupId } from './consumer-options';

describe('consumerGroupId', () => {
  it('joins app and purpose with a dot', () => {
    expect(consumerGroupId('processor', 'webhooks')).toBe('processor.webhooks');
    expect(consumerGroupId('api', 'events-pod-7')).toBe('api.events-pod-7');
  });

  it('rejects parts that are not kebab-case', () => {
    expect(() => consumerGroupId('Sender', 'send')).toThrowError(/kebab-case/);
    expect(() => consumerGroupId('sender', 'send.fast')).toThrowError(/"sender.send.fast"/);
    expect(() => consumerGroupId('', 'x')).toThrowError();
  });
});
