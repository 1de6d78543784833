export * from './repo-root';
export * from './temporal-tls';
