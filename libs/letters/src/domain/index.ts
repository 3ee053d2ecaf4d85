export * from './letter-kinds';
export * from './compose-letter';
export * from './letter-text';
