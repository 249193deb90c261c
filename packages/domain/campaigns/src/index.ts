export * from './messages/counters';
export * from './suppression';
