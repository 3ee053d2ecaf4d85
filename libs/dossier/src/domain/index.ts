export * from './questionnaire';
export * from './assessment';
export * from './assessment-diff';
export * from './oversight';
export * from './training';
export * from './checklist';
export * from './calendar';
