export { AccessModule } from './access.module';
export { AccessService, type CaseAccess, keepOnVisibleCases, seesDossier } from './access.service';
export {
  caseSideSql,
  caseUnionScopeSql,
  type CaseReach,
  caseVisibleSql,
  visibleCaseIdsSql,
  type VisibleCaseFilter,
} from './access.repository';
export * from './agenda-line';
export * from './audience.directory';
export * from './case-visibility';
export * from './item-visibility';
export * from './union-view.directory';
