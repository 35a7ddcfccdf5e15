// Public surface of blocks: definitions API, registry, widgets and document validation.
export * from './_lib/define-block';
export * from './_lib/widgets';
export * from './registry';
export * from './validate-document';
