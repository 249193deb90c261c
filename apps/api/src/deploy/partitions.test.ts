import { ALL_TOPICS } from '@dbulk/kafka';
import { describe, expect, it } from 'vitest';
import { loadTopicsEnv } from './env';
import { parsePartitionOverrides, withPartitions } from './partitions';

describe('partition overrides from the chart', () => {
  it('parses topic=count pairs, ignoring blanks and spaces', () => {
    expect(parsePartitionOverrides(' dbulk.send=24, dbulk.webhooks=16 ,')).toEqual({ 'dbulk.send': 24, 'dbulk.webhooks': 16 });
    expect(parsePartitionOverrides('')).toEqual({});
  });

  it('names an unknown topic, a malformed entry and a count out of range', () => {
    expect(() => parsePartitionOverrides('dbulk.sends=4')).toThrow(/"dbulk.sends" is not a dbulk topic/);
    expect(() => parsePartitionOverrides('dbulk.send:4')).toThrow(/not <topic>=<partitions>/);
    expect(() => parsePartitionOverrides('dbulk.send=0')).toThrow(/partitions must be 1-1000/);
  });

  it('overrides only the named topics and keeps every other declaration', () => {
    const topics = withPartitions(ALL_TOPICS, { 'dbulk.send': 48 });
    expect(topics.find((t) => t.name === 'dbulk.send')!.partitions).toBe(48);
    expect(topics.find((t) => t.name === 'dbulk.webhooks')!.partitions).toBe(ALL_TOPICS.find((t) => t.name === 'dbulk.webhooks')!.partitions);
    expect(topics).toHaveLength(ALL_TOPICS.length);
  });

  it('reports a bad KAFKA_TOPIC_PARTITIONS by name at start-up', () => {
    expect(() => loadTopicsEnv({ KAFKA_BROKERS: 'k:9092', KAFKA_TOPIC_PARTITIONS: 'nope' })).toThrow(/KAFKA_TOPIC_PARTITIONS: "nope"/);
    expect(loadTopicsEnv({ KAFKA_BROKERS: 'k:9092', KAFKA_REPLICATION_FACTOR: '3' })).toMatchObject({ KAFKA_REPLICATION_FACTOR: 3, KAFKA_TOPIC_PREFIX: '' });
  });
});
