export * from './database';
export * from './graph';
export * from './ports';
export * from './temp-dir';
export * from './scenario';
export * from './live';
