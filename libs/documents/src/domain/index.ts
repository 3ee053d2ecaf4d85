export * from './document-access';
export * from './file-type';
export * from './filename';
export * from './upload-check';
