export * from './auth/tokens';
export * from './gateway';
