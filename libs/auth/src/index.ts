export * from './roles';
export * from './actor';
export * from './decorators';
export * from './auth.module';
export * from './auth.service';
export * from './account.service';
export type { NewMembership } from './user.repository';
export * from './dto/auth.dto';
export { fieldProblems } from './field-problems';
