export * from './amsterdam-time';
export * from './reminder-planner';
export * from './preferences';
export * from './recipients';
export * from './rule-labels';
export * from './mail-templates';
export * from './ics';
export * from './mentions';
