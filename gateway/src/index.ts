export * from './auth/tokens';
export * from './gateway';
export * from './limits/api-schema';
export * from './limits/gateway-limits';
export * from './limits/operation-limits';
export * from './limits/rate-limits';
export * from './limits/trusted-documents';
export * from './limits/limits-env';
