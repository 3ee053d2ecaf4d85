export * from './deadlines.module';
export {
  DeadlinesService,
  councilTermSettings,
  type DeadlineScope,
  type DeadlineStart,
  type DeadlineView,
} from './deadlines.service';
export * from './domain';
export {
  type OpenTermRow,
  type TermFigures,
  TermFiguresQuery,
  type TermFiguresQueryInput,
  type TermList,
} from './term-figures.query';
