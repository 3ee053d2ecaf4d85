import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

import { DocumentEntity } from './document.entity';

/** One uploaded file of a document; immutable once written. */
@Entity('document_version')
@Unique('uq_document_version__document_seq', ['documentId', 'seq'])
@Check('ck_document_version__seq', `seq >= 1`)
@Check('ck_document_version__size_bytes', `size_bytes > 0`)
@Check('ck_document_version__sha256', `sha256 ~ '^[0-9a-f]{64}$'`)
export class DocumentVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_document_version' })
  id!: string;

  @Column({ type: 'uuid' })
  documentId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  /** The sanitised name (see `cleanFilename`), only ever a label. */
  @Column({ type: 'text' })
  filename!: string;

  /** Sniffed from the bytes, never the client's claim. */
  @Column({ type: 'text' })
  mediaType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'text' })
  storageKey!: string;

  @Column({ type: 'uuid' })
  uploadedBy!: string;

  @Column({ type: 'timestamptz' })
  uploadedAt!: Date;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_version__document' })
  readonly document?: never;
}
