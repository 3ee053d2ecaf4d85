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

import type { ConfidentialityMark, DocumentKind, DocumentOrigin } from './domain';

/** A document in a case dossier; its bytes live in `document_version` rows and the storage port. */
@Entity('document')
@Index('ix_document__case', ['caseId'])
@Check('ck_document__origin', `origin IN ('employer', 'council')`)
@Check('ck_document__kind', `kind IN ('document', 'expert_opinion')`)
@Check(
  'ck_document__expert_opinion',
  `(kind = 'expert_opinion') = (expert_engagement_id IS NOT NULL) AND (kind = 'expert_opinion' OR attached_to_position_at IS NULL)`,
)
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

  /** `expert_opinion`: the council's expert's opinion, for the council until attached (issue #19). */
  @Column({ type: 'text', default: 'document' })
  kind!: DocumentKind;

  /** For an expert opinion: the council's engagement of the expert who wrote it. */
  @Column({ type: 'uuid', nullable: true })
  expertEngagementId!: string | null;

  /** When the council attached the expert opinion to its position: the employer reads it from then on. */
  @Column({ type: 'timestamptz', nullable: true })
  attachedToPositionAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  attachedToPositionBy!: string | null;

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

  @ManyToOne('ExpertEngagementEntity')
  @JoinColumn({
    name: 'expert_engagement_id',
    foreignKeyConstraintName: 'fk_document__council_expert_engagement',
  })
  readonly expertEngagement?: never;
}
