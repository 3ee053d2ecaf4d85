export * from './deadlines.module';
export {
  DeadlinesService,
  councilTermSettings,
  type DeadlineScope,
  type DeadlineStart,
  type DeadlineView,
} from './deadlines.service';
export * from './domain';
