export * from './types';
export * from './compute';
export * from './templates';
