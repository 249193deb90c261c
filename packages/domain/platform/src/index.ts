export * from './audit.service';
export * from './settings.service';
export * from './audit-feed';
