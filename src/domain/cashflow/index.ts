export * from './allocate';
export * from './months';
export * from './compute';
export * from './model';
export * from './measures';
