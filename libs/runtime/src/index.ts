export * from './repo-root';
