/**
 * The api side of `dbulk.events`: every api replica reads the whole topic in a consumer group of
 * its own (`api.events-<host>-<pid>`, from the latest offset: progress is only interesting live)
 * and re-emits each record as an `event` on an EventEmitter that SSE subscriptions listen to.
 * A missed event costs nothing: subscribers read the current snapshot from PostgreSQL first.
 */
import { EventEmitter } from 'node:events';
import { hostname } from 'node:os';
import { BatchConsumer, type EventRecord, type KafkaClient, type TypedProducer } from '@dbulk/kafka';
import type { Logger } from '@dbulk/logger';

export interface EventsHub {
  /** Emits `event` with each EventRecord. */
  emitter: EventEmitter;
  close(): Promise<void>;
}

export interface EventsHubOptions {
  kafka: KafkaClient;
  logger: Logger;
  /** For the consumer's dead letters (a malformed record); started by the caller. */
  producer: TypedProducer;
  topicPrefix?: string;
  /** Emit on this emitter (so subscribers may attach before the hub connects). */
  emitter?: EventEmitter;
  /** Distinguishes this process's group; defaults to `<host>-<pid>`. */
  instance?: string;
}

/** A consumer-group part from any host name: lower case, digits and dashes. */
export function groupPart(text: string): string {
  const part = text
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '');
  return part.slice(0, 100) || 'host';
}

export async function startEventsHub(options: EventsHubOptions): Promise<EventsHub> {
  const emitter = options.emitter ?? new EventEmitter();
  emitter.setMaxListeners(0);
  const instance = options.instance ?? `${hostname()}-${process.pid}`;
  const consumer = new BatchConsumer({
    kafka: options.kafka,
    logger: options.logger.child({ component: 'events-hub' }),
    app: 'api',
    purpose: `events-${groupPart(instance)}`,
    topic: 'dbulk.events',
    topicPrefix: options.topicPrefix,
    producer: options.producer,
    fromBeginning: false,
    maxWaitTimeMs: 100,
    handler: async (records) => {
      for (const record of records) emitter.emit('event', record.value satisfies EventRecord);
    },
  });
  await consumer.start();
  return { emitter, close: () => consumer.shutdown() };
}
