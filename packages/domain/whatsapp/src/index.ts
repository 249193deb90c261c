export * from './token-crypto';
export * from './whatsapp.errors';
export * from './account.dto';
export * from './validate-connection';
export * from './accounts.service';
export * from './test-message.service';
export * from './sandbox.service';
