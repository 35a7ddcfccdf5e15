// Public surface of core: the isomorphic domain model.
export * from './schema/document';
export * from './schema/issues';
export * from './ids';
export * from './access/requirements';
export * from './theme-vars';
export * from './tree';
export * from './migrations';
export * from './access/visibility';
export * from './routing';
export * from './page-payload';
export * from './diff';
export * from './portal-rules';
