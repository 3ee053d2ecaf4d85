export * from './clock';
export * from './domain-error';
export * from './startup-error';
