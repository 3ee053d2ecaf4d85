export * from './letter-kinds';
export * from './compose-letter';
export * from './letter-text';
export * from './letter-fields';
export * from './nullity-window';
