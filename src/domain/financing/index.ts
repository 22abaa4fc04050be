export * from './types';
export * from './categories';
export * from './compute';
export * from './example';
