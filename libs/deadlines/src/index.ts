export * from './deadlines.module';
export {
  DeadlinesService,
  councilTermSettings,
  type DeadlineScope,
  type DeadlineStart,
} from './deadlines.service';
export type { DeadlineView } from './deadline-view';
export * from './domain';
export {
  type OpenTermRow,
  type TermFigures,
  TermFiguresQuery,
  type TermFiguresQueryInput,
  type TermList,
} from './term-figures.query';
