import { createHash, randomBytes } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AccessService, type CaseAccess } from '@wc/access';
import type { Actor } from '@wc/auth';
import { Clock, Conflict, Forbidden, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';
import {
  type CursorPageQueryDto,
  decodeCursor,
  limitOf,
  type Page,
  pageFrom,
} from '@wc/pagination';

import {
  checkAnswers,
  type CouncilQuestion,
  DIMENSION_QUESTIONS,
  MINIMUM_RESPONSES,
  publishes,
  tally,
} from './domain/questions';
import type {
  CreateSurveyDto,
  SendSurveyInvitationsDto,
  SubmitSurveyResponseDto,
  SurveyInvitationsSentResponse,
  SurveyQuestionnaireResponse,
  SurveyQuestionResponse,
  SurveyResponse,
} from './survey.dto';
import type { SurveyEntity } from './survey.entity';
import { SurveyMailer } from './survey.mailer';
import { type SurveyCursor, SurveyRepository } from './survey.repository';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

const isCursor = (v: unknown): v is SurveyCursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as SurveyCursor).createdAt === 'string' &&
  !Number.isNaN(Date.parse((v as SurveyCursor).createdAt)) &&
  typeof (v as SurveyCursor).id === 'string' &&
  /^[0-9a-f-]{36}$/.test((v as SurveyCursor).id);

/**
 * The voice of staff (issue #19): an anonymous survey the council runs on a case.
 *
 * Who: the council's chair or secretary creates, sends, closes and attaches a survey; every
 * council member reads it. It is council-owned deliberation material: the employer side, experts
 * and unions get 404 until the council attaches it to its position, then they read its results.
 *
 * Anonymity: an invitation is a random token, stored as its SHA-256 only; the address it went to
 * is used to send the e-mail and never stored. A response is stored without invitation id,
 * without a timestamp and under a random id; the invitation is marked used in the same
 * transaction (so a token answers once, and a crash never leaves one without the other), and
 * carries no time of use either. What remains in the database is which token hashes were used,
 * not whose they were. Results are published in blocks of five responses (`publishes`), never
 * below five, and below five the count of responses is not shown either. From five up the screen
 * says how many responses wait for the next block (`unpublishedResponses`): a count, never their
 * answers.
 */
@Injectable()
export class SurveyService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly surveys: SurveyRepository,
    private readonly access: AccessService,
    private readonly mailer: SurveyMailer,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    caseId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<SurveyResponse>> {
    const access = await this.readable(actor, caseId);
    const limit = limitOf(query);
    const after = query.cursor ? decodeCursor(query.cursor, isCursor) : null;
    const rows = await this.surveys.listOfCase(caseId, limit, after, !access.internalAllowed);
    return pageFrom(
      rows,
      limit,
      (s) => ({ createdAt: s.createdAt.toISOString(), id: s.id }),
      (s) => toResponse(s, access),
    );
  }

  async get(actor: Actor, caseId: string, surveyId: string): Promise<SurveyResponse> {
    const access = await this.readable(actor, caseId);
    return toResponse(await this.visible(access, surveyId), access);
  }

  async create(actor: Actor, caseId: string, dto: CreateSurveyDto): Promise<SurveyResponse> {
    const access = await this.board(actor, caseId, 'creates a staff survey');
    return this.tx.run(async () => {
      const councilQuestions: CouncilQuestion[] = dto.councilQuestions.map((q, i) => ({
        id: `Q${i + 1}`,
        text: q.text,
        scale: q.scale,
      }));
      const survey = await this.surveys.save(
        this.surveys.create({
          caseId,
          title: dto.title,
          councilQuestions,
          status: 'open',
          invitationCount: 0,
          responseCount: 0,
          publishedResults: null,
          publishedResponseCount: 0,
          createdBy: actor.userId,
          createdAt: this.clock.now(),
          closedAt: null,
          attachedToPositionAt: null,
          attachedToPositionBy: null,
        }),
      );
      await this.changed(access, survey, actor.userId);
      return toResponse(survey, access);
    });
  }

  /**
   * Creates one invitation per address (duplicates folded) and commits them, then mails the links.
   * An e-mail that fails withdraws its invitation, so the count stays what staff received.
   */
  async invite(
    actor: Actor,
    caseId: string,
    surveyId: string,
    dto: SendSurveyInvitationsDto,
  ): Promise<SurveyInvitationsSentResponse> {
    const access = await this.board(actor, caseId, 'sends a staff survey');
    if (!this.mailer.configured) {
      throw new Unprocessable(
        'survey.mail_not_configured',
        'E-mail is not configured (SMTP_URL), so no invitation can be sent.',
      );
    }
    const addresses = [...new Set(dto.emails.map((e) => e.trim().toLowerCase()))];
    const mails = addresses.map((to) => ({ to, token: randomBytes(24).toString('base64url') }));
    const survey = await this.tx.run(async () => {
      const locked = await this.surveys.get(caseId, surveyId, { forUpdate: true });
      if (!locked) {
        throw new NotFound('survey');
      }
      assertOpen(locked);
      await this.surveys.insertInvitations(
        surveyId,
        mails.map((m) => hashOf(m.token)),
        this.clock.now(),
      );
      locked.invitationCount += mails.length;
      return this.surveys.save(locked);
    });
    const failedTokens = await this.mailer.sendAll(mails, dto.language, survey.title);
    const after = await this.tx.run(async () => {
      const locked = await this.surveys.get(caseId, surveyId, { forUpdate: true });
      if (!locked) {
        throw new NotFound('survey');
      }
      const withdrawn = await this.surveys.withdrawUnused(surveyId, failedTokens.map(hashOf));
      if (withdrawn > 0) {
        locked.invitationCount -= withdrawn;
      }
      const saved = withdrawn > 0 ? await this.surveys.save(locked) : locked;
      await this.changed(access, saved, actor.userId);
      return saved;
    });
    return {
      sent: mails.length - failedTokens.length,
      failed: failedTokens.length,
      survey: toResponse(after, access),
    };
  }

  async close(
    actor: Actor,
    caseId: string,
    surveyId: string,
    version: number,
  ): Promise<SurveyResponse> {
    const access = await this.board(actor, caseId, 'closes a staff survey');
    return this.tx.run(async () => {
      const survey = await this.locked(caseId, surveyId, version);
      assertOpen(survey);
      survey.status = 'closed';
      survey.closedAt = this.clock.now();
      const saved = await this.surveys.save(survey);
      await this.changed(access, saved, actor.userId);
      return toResponse(saved, access);
    });
  }

  /**
   * Attaches the survey to the council's position: from now on the employer side (and the
   * experts and unions who see the dossier) read its published results. Not undone: what the
   * employer has seen cannot be unseen.
   */
  async attach(
    actor: Actor,
    caseId: string,
    surveyId: string,
    version: number,
  ): Promise<SurveyResponse> {
    const access = await this.board(
      actor,
      caseId,
      "attaches a staff survey to the council's position",
    );
    return this.tx.run(async () => {
      const survey = await this.locked(caseId, surveyId, version);
      if (survey.attachedToPositionAt) {
        throw new Conflict(
          'survey.already_attached',
          "The survey is already attached to the council's position.",
        );
      }
      survey.attachedToPositionAt = this.clock.now();
      survey.attachedToPositionBy = actor.userId;
      const saved = await this.surveys.save(survey);
      await this.outbox.append(
        [
          domainEvent(
            'survey.attached_to_position',
            { surveyId: saved.id, version: saved.version },
            {
              caseId,
              organisationId: access.organisationId,
              worksCouncilId: access.worksCouncilId,
            },
          ),
        ],
        actor.userId,
      );
      return toResponse(saved, access);
    });
  }

  // ---- Public: no account, the token is the credential -------------------------------------

  async questionnaire(token: string): Promise<SurveyQuestionnaireResponse> {
    return this.tx.run(async () => {
      const { survey } = await this.usableInvitation(token, false);
      return { title: survey.title, questions: questionsOf(survey) };
    });
  }

  /**
   * One response per token. In one transaction: the invitation row is locked (a second use of the
   * same token waits, then finds it used: 409), marked used, the response inserted without any
   * reference to it, and every fifth response publishes the results.
   */
  async respond(dto: SubmitSurveyResponseDto): Promise<void> {
    await this.tx.run(async () => {
      const { invitation, survey } = await this.usableInvitation(dto.token, true);
      const checked = checkAnswers(survey.councilQuestions, dto.answers);
      if (!checked.ok) {
        throw checked.problem.kind === 'missing'
          ? new Unprocessable('survey.answers_incomplete', 'Answer every question.', {
              questionIds: checked.problem.questionIds,
            })
          : new Unprocessable(
              'survey.unknown_question',
              'An answer is to a question this survey does not ask, or answers one twice.',
              { questionId: checked.problem.questionId },
            );
      }
      await this.surveys.markUsed(invitation.id);
      await this.surveys.insertResponse(survey.id, checked.answers);
      survey.responseCount += 1;
      if (publishes(survey.responseCount)) {
        survey.publishedResults = tally(
          survey.councilQuestions,
          survey.responseCount,
          await this.surveys.tallyRows(survey.id),
        );
        survey.publishedResponseCount = survey.responseCount;
      }
      const saved = await this.surveys.save(survey);
      if (publishes(saved.responseCount)) {
        // Only when results change: an event per response would time-stamp each answer.
        await this.outbox.append(
          [
            domainEvent(
              'internal.survey_changed',
              { surveyId: saved.id, version: saved.version },
              { caseId: saved.caseId },
            ),
          ],
          null,
        );
      }
    });
  }

  // ---- Helpers ------------------------------------------------------------------------------

  /** The invitation of this token (locked for `respond`), on an open survey. Unknown: 404. */
  private async usableInvitation(token: string, forUpdate: boolean) {
    const invitation = await this.surveys.invitationByHash(hashOf(token), { forUpdate });
    if (!invitation) {
      throw new NotFound('survey_invitation');
    }
    if (invitation.used) {
      throw new Conflict('survey.invitation_used', 'This invitation was already used to answer.');
    }
    const survey = await this.surveys.getById(invitation.surveyId, { forUpdate });
    if (!survey) {
      throw new NotFound('survey_invitation');
    }
    assertOpen(survey);
    return { invitation, survey };
  }

  private async readable(actor: Actor, caseId: string): Promise<CaseAccess> {
    const access = await this.access.requireCase(actor, caseId);
    // A union reads attached surveys only under a share that covers the dossier (issue #8).
    if (access.side === 'union' && access.unionScope !== 'dossier') {
      throw new NotFound('case');
    }
    return access;
  }

  /** Chair or secretary of the case's council; anyone outside the council gets 404. */
  private async board(actor: Actor, caseId: string, what: string): Promise<CaseAccess> {
    const access = await this.access.requireCase(actor, caseId);
    if (!access.internalAllowed) {
      throw new NotFound('case');
    }
    if (access.side !== 'council_board') {
      throw new Forbidden('internal.board_only', `Only the council's chair or secretary ${what}.`);
    }
    return access;
  }

  private async visible(access: CaseAccess, surveyId: string): Promise<SurveyEntity> {
    const survey = await this.surveys.get(access.caseId, surveyId);
    if (!survey || (!access.internalAllowed && !survey.attachedToPositionAt)) {
      throw new NotFound('survey');
    }
    return survey;
  }

  private async locked(caseId: string, surveyId: string, version: number): Promise<SurveyEntity> {
    const survey = await this.surveys.get(caseId, surveyId, { forUpdate: true });
    if (!survey) {
      throw new NotFound('survey');
    }
    if (survey.version !== version) {
      throw new VersionConflict('survey', version, survey.version);
    }
    return survey;
  }

  private async changed(access: CaseAccess, survey: SurveyEntity, actorId: string): Promise<void> {
    await this.outbox.append(
      [
        domainEvent(
          'internal.survey_changed',
          { surveyId: survey.id, version: survey.version },
          {
            caseId: access.caseId,
            organisationId: access.organisationId,
            worksCouncilId: access.worksCouncilId,
          },
        ),
      ],
      actorId,
    );
  }
}

function assertOpen(survey: SurveyEntity): void {
  if (survey.status !== 'open') {
    throw new Conflict('survey.closed', 'The survey is closed.');
  }
}

function questionsOf(survey: SurveyEntity): SurveyQuestionResponse[] {
  return [
    ...DIMENSION_QUESTIONS.map((q) => ({
      id: q.id,
      kind: 'dimension' as const,
      dimension: q.dimension,
      scale: q.scale,
      text: { nl: q.text.nl, en: q.text.en },
    })),
    ...survey.councilQuestions.map((q) => ({
      id: q.id,
      kind: 'council' as const,
      dimension: null,
      scale: q.scale,
      text: { nl: q.text, en: q.text },
    })),
  ];
}

function toResponse(survey: SurveyEntity, access: CaseAccess): SurveyResponse {
  const results = survey.publishedResults;
  return {
    id: survey.id,
    caseId: survey.caseId,
    title: survey.title,
    status: survey.status,
    questions: questionsOf(survey),
    ...(access.internalAllowed ? { invitationCount: survey.invitationCount } : {}),
    results:
      results && results.responseCount >= MINIMUM_RESPONSES
        ? {
            responseCount: results.responseCount,
            unpublishedResponses: survey.responseCount - results.responseCount,
            questions: results.questions.map((q) => ({
              questionId: q.questionId,
              counts: { ...q.counts },
              mean: q.mean,
            })),
          }
        : null,
    minimumResponses: MINIMUM_RESPONSES,
    attachedToPositionAt: survey.attachedToPositionAt?.toISOString() ?? null,
    createdAt: survey.createdAt.toISOString(),
    closedAt: survey.closedAt?.toISOString() ?? null,
    version: survey.version,
  };
}
