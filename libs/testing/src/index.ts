export * from './factories';
export * from './free-port';
export * from './test-database';
export * from './deadline-fixtures';
export * from './smtp-sink';
export * from './test-worker';
export * from './case-answers';
export { pdfText } from './pdf-text';
