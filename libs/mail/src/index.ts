export * from './layout';
export * from './messages';
export * from './digest';
export * from './quiet-time';
