export * from './clock';
export * from './domain-error';
export * from './event-visibility';
export * from './startup-error';
export * from './correlation';
export * from './amsterdam-day';
export * from './secret-box';
export * from './group-by';
