import { describe, expect, it } from 'vitest';
import { parseEnvFile } from './env';

describe('parseEnvFile', () => {
  it('reads plain, exported and quoted assignments and skips the rest', () => {
    const text = ['# stack', 'KAFKA_BROKERS=127.0.0.1:9092', 'export DATABASE_URL="postgres://u:p@h/db"', "X='a b'", 'junk'].join('\n');
    expect(parseEnvFile(text)).toEqual({
      KAFKA_BROKERS: '127.0.0.1:9092',
      DATABASE_URL: 'postgres://u:p@h/db',
      X: 'a b',
    });
  });
});
