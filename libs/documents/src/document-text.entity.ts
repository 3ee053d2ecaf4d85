import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { DocumentEntity } from './document.entity';

/**
 * The text of a document's latest upload (PDF, DOCX or plain text), for search. Kept apart from
 * `document` so that document lists never load it; a trigger copies it into the search index.
 */
@Entity('document_text')
export class DocumentTextEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_document_text' })
  documentId!: string;

  @ManyToOne(() => DocumentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_text__document' })
  document?: DocumentEntity;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'timestamptz' })
  extractedAt!: Date;
}
