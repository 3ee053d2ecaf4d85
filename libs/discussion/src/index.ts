export * from './discussion.module';
export { CommentService } from './comment.service';
export * from './dto/comment.dto';
export type { CommentEventType } from './comment.events';
export {
  isThreadKey,
  mayUseThread,
  visibilityOfThread,
  type CommentVisibility,
} from './domain/threads';
