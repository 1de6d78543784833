export * from './layout';
export * from './messages';
