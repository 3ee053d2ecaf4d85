import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import { AssessmentCommentEntity } from './assessment-comment.entity';
import { AssessmentVersionEntity } from './assessment-version.entity';
import { AssessmentEntity } from './assessment.entity';

/** The only place that queries the assessment tables: draft, submitted versions, comments. */
@Injectable()
export class AssessmentRepository {
  constructor(private readonly tx: TransactionHost) {}

  draftOf(caseId: string): Promise<AssessmentEntity | null> {
    return this.tx.manager.findOne(AssessmentEntity, { where: { caseId } });
  }

  newDraft(
    fields: Pick<AssessmentEntity, 'caseId' | 'updatedBy' | 'createdAt' | 'updatedAt'>,
  ): AssessmentEntity {
    return this.tx.manager.create(AssessmentEntity, {
      ...fields,
      answers: {},
      dimensionRatings: {},
      risks: [],
      dpia: null,
      fria: null,
    });
  }

  saveDraft(draft: AssessmentEntity): Promise<AssessmentEntity> {
    return this.tx.manager.save(draft);
  }

  latestVersion(caseId: string): Promise<AssessmentVersionEntity | null> {
    return this.tx.manager.findOne(AssessmentVersionEntity, {
      where: { caseId },
      order: { seq: 'DESC' },
    });
  }

  version(caseId: string, seq: number): Promise<AssessmentVersionEntity | null> {
    return this.tx.manager.findOne(AssessmentVersionEntity, { where: { caseId, seq } });
  }

  versions(caseId: string): Promise<AssessmentVersionEntity[]> {
    return this.tx.manager.find(AssessmentVersionEntity, {
      where: { caseId },
      order: { seq: 'ASC' },
    });
  }

  /** Inserts only: a submitted version is never saved twice (the table refuses updates). */
  async addVersion(
    version: Omit<AssessmentVersionEntity, 'id' | 'aiCase'>,
  ): Promise<AssessmentVersionEntity> {
    const entity = this.tx.manager.create(AssessmentVersionEntity, version);
    await this.tx.manager.insert(AssessmentVersionEntity, entity);
    return entity;
  }

  comments(caseId: string, questionId?: string): Promise<AssessmentCommentEntity[]> {
    return this.tx.manager.find(AssessmentCommentEntity, {
      where: { caseId, ...(questionId ? { questionId } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  comment(caseId: string, commentId: string): Promise<AssessmentCommentEntity | null> {
    return this.tx.manager.findOne(AssessmentCommentEntity, { where: { caseId, id: commentId } });
  }

  saveComment(comment: Partial<AssessmentCommentEntity>): Promise<AssessmentCommentEntity> {
    return this.tx.manager.save(this.tx.manager.create(AssessmentCommentEntity, comment));
  }
}
