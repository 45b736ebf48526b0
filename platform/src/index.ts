export * from './child-services';
export * from './embedded-database';
export * from './launcher';
export * from './subgraphs';
export * from './simulator';
export * from './simulator-operations';
export * from './secrets';
