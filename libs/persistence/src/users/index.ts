export * from './user-store';
export * from './new-user';
export * from './user-revocations';
