import { Writable } from 'node:stream';
import { createLogger } from '@dbulk/logger';
import { logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { pinoLogCreator, toKafkaLogLevel, toPinoLevel } from './client';

describe('kafkajs log levels', () => {
  it('map to pino levels', () => {
    expect(toPinoLevel(logLevel.ERROR)).toBe('error');
    expect(toPinoLevel(logLevel.WARN)).toBe('warn');
    expect(toPinoLevel(logLevel.INFO)).toBe('info');
    expect(toPinoLevel(logLevel.DEBUG)).toBe('debug');
  });

  it('follow the logger level so kafkajs does not build entries pino would drop', () => {
    expect(toKafkaLogLevel('silent')).toBe(logLevel.NOTHING);
    expect(toKafkaLogLevel('fatal')).toBe(logLevel.ERROR);
    expect(toKafkaLogLevel('warn')).toBe(logLevel.WARN);
    expect(toKafkaLogLevel('info')).toBe(logLevel.INFO);
    expect(toKafkaLogLevel('trace')).toBe(logLevel.DEBUG);
  });
});

describe('pinoLogCreator', () => {
  it('writes kafkajs entries as pino lines, object first, error under err', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(chunk.toString()));
        done();
      },
    });
    const log = pinoLogCreator(createLogger({ name: 'test', level: 'debug', destination }))(logLevel.DEBUG);
    log({
      namespace: 'Connection',
      level: logLevel.ERROR,
      label: 'ERROR',
      log: { timestamp: 'now', message: 'Connection error', broker: 'b:9092', error: 'ECONNREFUSED', logger: 'kafkajs' },
    });
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: 'Connection error',
      component: 'kafkajs',
      namespace: 'Connection',
      broker: 'b:9092',
      err: 'ECONNREFUSED',
    });
    expect(lines[0]).not.toHaveProperty('logger');
  });
});
