export * from './messages/counters';
