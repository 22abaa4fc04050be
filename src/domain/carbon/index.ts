export * from './factors';
export * from './lookup';
export * from './compute';
export * from './bilan';
