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

export type InternalNoteKind = 'note' | 'draft_position';
export type InternalNoteTrack = 'advice' | 'consent';

/** A council member's note or draft position in the council-internal space of a case. */
@Entity('internal_note')
@Check('ck_internal_note__kind', `kind IN ('note', 'draft_position')`)
@Check('ck_internal_note__track', `track IN ('advice', 'consent')`)
@Index('ix_internal_note__case', ['caseId', 'createdAt'])
export class InternalNoteEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_internal_note' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'text' })
  kind!: InternalNoteKind;

  /** The track a draft position is for; null for a plain note. */
  @Column({ type: 'text', nullable: true })
  track!: InternalNoteTrack | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_internal_note__ai_case' })
  readonly aiCase?: never;

  @ManyToOne('AppUserEntity')
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'fk_internal_note__author' })
  readonly author?: never;
}
