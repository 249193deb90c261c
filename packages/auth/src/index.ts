export * from './password';
export * from './session-token';
export * from './session.service';
export * from './throttle.service';
export * from './rbac';
