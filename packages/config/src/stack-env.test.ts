import { describe, expect, it } from 'vitest';
import { findRepoRoot, parseEnvFile } from './stack-env';

describe('stack env file', () => {
  it('parses KEY=value lines, ignoring comments, blanks, quotes and export', () => {
    expect(parseEnvFile('# c\n\nDATABASE_URL=postgres://a\nexport KAFKA_BROKERS="127.0.0.1:9092"\nA=b=c\n')).toEqual({
      DATABASE_URL: 'postgres://a',
      KAFKA_BROKERS: '127.0.0.1:9092',
      A: 'b=c',
    });
  });

  it('finds the repository root by its nx.json', () => {
    expect(findRepoRoot()).toMatch(/\/main$|[^/]+$/);
  });
});
