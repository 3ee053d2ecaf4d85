import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** Every body a comment has had, numbered from 1 (the original); the history edits and deletes keep. */
@Entity('comment_revision')
export class CommentRevisionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_comment_revision' })
  commentId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'pk_comment_revision' })
  revision!: number;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'timestamptz' })
  revisedAt!: Date;

  @ManyToOne('CommentEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'comment_id', foreignKeyConstraintName: 'fk_comment_revision__comment' })
  readonly comment?: never;
}
