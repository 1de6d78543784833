export * from './principal';
export * from './tokens';
export * from './accounts';
export * from './lockout';
export * from './passwords';
export * from './revocation';
