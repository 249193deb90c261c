import { describe, expect, it } from 'vitest';
import { callbackDataFor, messageIdOfCallback } from './callback-data';

describe('callback data', () => {
  it('round-trips a campaign message id', () => {
    expect(callbackDataFor(1207)).toBe('dbulk:m:1207');
    expect(messageIdOfCallback(callbackDataFor('9007199254740993'))).toBe('9007199254740993');
  });

  it('ignores callback data that is not ours or not a bigint id', () => {
    for (const data of [null, undefined, '', 'tenant_42:campaign_1007', 'dbulk:m:', 'dbulk:m:0', 'dbulk:m:12a', 'dbulk:m:-4', 'dbulk:m:99999999999999999999', 'dbulk:m:9223372036854775808']) {
      expect(messageIdOfCallback(data)).toBeNull();
    }
    expect(messageIdOfCallback('dbulk:m:9223372036854775807')).toBe('9223372036854775807');
  });
});
