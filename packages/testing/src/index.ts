export * from './stack-env';
export * from './processes';
