/** The environment of the topics CLI, parsed once; fails naming every bad variable. */
import { kafkaEnv, nodeEnv, parseEnv } from '@dbulk/config';
import { z } from 'zod';

export const TopicsCliEnv = kafkaEnv.extend(nodeEnv.shape).extend({
  /** 1 on the single-broker stack; 3 on a production cluster (set by the Helm chart). */
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).max(7).default(1),
});
export type TopicsCliEnv = z.output<typeof TopicsCliEnv>;

export function readTopicsCliEnv(source: Record<string, string | undefined> = process.env): TopicsCliEnv {
  return parseEnv(TopicsCliEnv, source);
}
