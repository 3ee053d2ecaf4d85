import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

import type { CommentVisibility } from './domain/threads';

/**
 * One comment in a thread of a case: the case itself, the union thread, or one dossier item.
 * Edits keep every body in `comment_revision`; a delete only sets `deleted_at` (the body stays
 * for the record and is no longer shown).
 */
@Entity('comment')
@Check('ck_comment__visibility', `visibility IN ('case', 'union')`)
@Index('ix_comment__case_thread', ['caseId', 'threadKey', 'createdAt'])
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_comment' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  /** `case`, `union`, `assessment:<question id>` or `document:<uuid>`. */
  @Column({ type: 'text' })
  threadKey!: string;

  @Column({ type: 'text' })
  visibility!: CommentVisibility;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'text' })
  body!: string;

  /** User ids mentioned in the current body. */
  @Column({ type: 'jsonb', default: [] })
  mentions!: string[];

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_comment__ai_case' })
  readonly aiCase?: never;

  @ManyToOne('AppUserEntity')
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_comment__author' })
  readonly author?: never;
}
