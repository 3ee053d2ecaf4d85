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

import type { ConfidentialityMark, DocumentOrigin } from './domain';

/** A document in a case dossier; its bytes live in `document_version` rows and the storage port. */
@Entity('document')
@Index('ix_document__case', ['caseId'])
@Check('ck_document__origin', `origin IN ('employer', 'council')`)
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_document' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  title!: string;

  /** Links the document to a part of the dossier, e.g. `assessment:A1`. */
  @Column({ type: 'text', nullable: true })
  dossierItem!: string | null;

  /** The side that submitted it; new versions come from that side. */
  @Column({ type: 'text' })
  origin!: DocumentOrigin;

  /** WOR art. 20 secrecy, or null. */
  @Column({ type: 'jsonb', nullable: true })
  confidential!: ConfidentialityMark | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @VersionColumn()
  version!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  /** Soft delete: the row and its bytes stay for the audit trail, the document is gone for users. */
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_document__ai_case' })
  readonly aiCase?: never;
}
