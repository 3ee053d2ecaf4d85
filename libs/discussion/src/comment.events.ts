/**
 * Outbox events of comments. Ids only (notify, don't ship). `comment.*` of a `case` thread carry
 * the case id (case room, case event log); those of the `union` thread go to the council room and
 * carry `subjectCaseId` instead, so the employer side never learns of them. `comment.mentioned`
 * is addressed to the mentioned user only (`userId`, their `user:<id>` room; no case or council
 * id, which would route it to those rooms too), with `{ commentId, subjectCaseId, thread }`.
 */
export type CommentEventType =
  'comment.created' | 'comment.edited' | 'comment.deleted' | 'comment.mentioned';
