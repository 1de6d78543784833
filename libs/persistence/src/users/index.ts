export * from './user-store';
export * from './new-user';
