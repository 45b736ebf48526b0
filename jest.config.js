/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const workspaceSources = {
  '^@hall/kit$': '<rootDir>/subgraphs/kit/src/index.ts',
  '^@hall/catalog$': '<rootDir>/subgraphs/catalog/src/index.ts',
  '^@hall/cases$': '<rootDir>/subgraphs/cases/src/index.ts',
  '^@hall/supervision$': '<rootDir>/subgraphs/supervision/src/index.ts',
  '^@hall/evaluation$': '<rootDir>/subgraphs/evaluation/src/index.ts',
  '^@hall/schema$': '<rootDir>/schema/src/index.ts',
  '^@hall/gateway$': '<rootDir>/gateway/src/index.ts',
  '^@hall/platform$': '<rootDir>/platform/src/index.ts',
  '^@hall/test$': '<rootDir>/test/src/index.ts',
};

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': swc },
  moduleNameMapper: workspaceSources,
  setupFiles: ['reflect-metadata'],
  globalSetup: '<rootDir>/test/src/global-setup.ts',
  globalTeardown: '<rootDir>/test/src/global-teardown.ts',
  testMatch: ['<rootDir>/**/src/**/*.test.ts', '<rootDir>/test/e2e/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
