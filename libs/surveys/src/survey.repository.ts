import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import type { Answers } from './domain/questions';
import { SurveyEntity, SurveyInvitationEntity, SurveyResponseEntity } from './survey.entity';

export interface SurveyCursor {
  createdAt: string;
  id: string;
}

/** The only file that queries `survey`, `survey_invitation` and `survey_response`. */
@Injectable()
export class SurveyRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(fields: Partial<SurveyEntity>): SurveyEntity {
    return this.tx.manager.create(SurveyEntity, fields);
  }

  save(survey: SurveyEntity): Promise<SurveyEntity> {
    return this.tx.manager.save(survey);
  }

  /** Newest first, `limit + 1` rows; `attachedOnly` for those outside the council. */
  listOfCase(
    caseId: string,
    limit: number,
    after: SurveyCursor | null,
    attachedOnly: boolean,
  ): Promise<SurveyEntity[]> {
    const query = this.tx.manager
      .createQueryBuilder(SurveyEntity, 's')
      .where('s.case_id = :caseId', { caseId })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .limit(limit + 1);
    if (attachedOnly) {
      query.andWhere('s.attached_to_position_at IS NOT NULL');
    }
    if (after) {
      query.andWhere('(s.created_at, s.id) < (:createdAt, :id)', after);
    }
    return query.getMany();
  }

  get(caseId: string, id: string, { forUpdate = false } = {}): Promise<SurveyEntity | null> {
    return this.tx.manager.findOne(SurveyEntity, {
      where: { id, caseId },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  getById(id: string, { forUpdate = false } = {}): Promise<SurveyEntity | null> {
    return this.tx.manager.findOne(SurveyEntity, {
      where: { id },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async insertInvitations(surveyId: string, tokenHashes: string[], sentAt: Date): Promise<void> {
    await this.tx.manager.insert(
      SurveyInvitationEntity,
      tokenHashes.map((tokenHash) => ({ surveyId, tokenHash, used: false, sentAt })),
    );
  }

  /** Withdraws invitations whose e-mail never left; unused ones only. Answers how many went. */
  async withdrawUnused(surveyId: string, tokenHashes: string[]): Promise<number> {
    if (tokenHashes.length === 0) {
      return 0;
    }
    const rows: unknown[] = await this.tx.query(
      `DELETE FROM survey_invitation WHERE survey_id = $1 AND token_hash = ANY($2::text[]) AND NOT used RETURNING 1`,
      [surveyId, tokenHashes],
    );
    return rows.length;
  }

  invitationByHash(
    tokenHash: string,
    { forUpdate = false } = {},
  ): Promise<SurveyInvitationEntity | null> {
    return this.tx.manager.findOne(SurveyInvitationEntity, {
      where: { tokenHash },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async markUsed(invitationId: string): Promise<void> {
    await this.tx.manager.update(SurveyInvitationEntity, { id: invitationId }, { used: true });
  }

  async insertResponse(surveyId: string, answers: Answers): Promise<void> {
    await this.tx.manager.insert(SurveyResponseEntity, { surveyId, answers: { ...answers } });
  }

  /** `(questionId, value, count)` over every response of the survey: one statement. */
  async tallyRows(
    surveyId: string,
  ): Promise<Array<{ questionId: string; value: string; count: number }>> {
    const rows: Array<{ questionId: string; value: string; count: number }> = await this.tx.query(
      `SELECT a.key AS "questionId", a.value AS value, count(*)::int AS count
         FROM survey_response r, jsonb_each_text(r.answers) a
        WHERE r.survey_id = $1
        GROUP BY a.key, a.value`,
      [surveyId],
    );
    return rows;
  }
}
