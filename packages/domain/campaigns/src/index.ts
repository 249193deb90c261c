export * from './messages/counters';
export * from './suppression';
export * from './statuses';
