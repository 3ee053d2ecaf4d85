export * from './unions.module';
export { UnionsService } from './unions.service';
export * from './dto/union-share.dto';
export {
  coveringScope,
  UNION_SHARE_SCOPES,
  type ActiveShareFacts,
  type UnionShareScope,
} from './domain/union-share-scope';
export type { UnionShareEventType } from './union-share.events';
