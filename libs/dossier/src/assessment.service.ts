import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AuditService } from '@wc/audit';
import type { Actor } from '@wc/auth';
import {
  Clock,
  type FieldProblem,
  Forbidden,
  NotFound,
  Unprocessable,
  VersionConflict,
} from '@wc/core';
import { TransactionHost } from '@wc/database';

import type { AssessmentCommentEntity } from './assessment-comment.entity';
import type { AssessmentVersionEntity } from './assessment-version.entity';
import type {
  AnswerDto,
  AssessmentCommentResponse,
  AssessmentCommentsQueryDto,
  AssessmentContentResponse,
  AssessmentDiffResponse,
  AssessmentResponse,
  AssessmentVersionResponse,
  AssessmentVersionSummaryResponse,
  CreateAssessmentCommentDto,
  EditAssessmentCommentDto,
  QuestionnaireResponse,
  SubmitAssessmentDto,
  UpdateAssessmentDto,
} from './assessment.dto';
import type { AssessmentEntity } from './assessment.entity';
import { AssessmentRepository } from './assessment.repository';
import { type CaseContext, CaseContexts } from './case-context';
import {
  type AnswerContent,
  type ApplicableSections,
  type AssessmentContent,
  applicableSections,
  DIMENSIONS,
  diffAssessments,
  DPIA_ITEMS,
  type Effect,
  EMPTY_CONTENT,
  FRIA_ITEMS,
  mergeSection,
  QUESTIONS,
  snapshotOf,
} from './domain';

/**
 * The impact assessment: the employer edits one draft (optimistic locking) and submits it as an
 * immutable numbered version; the council comments per question. DPIA and FRIA sections follow
 * the case's triage (GDPR 35, AI Act 27).
 */
@Injectable()
export class AssessmentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly contexts: CaseContexts,
    private readonly assessments: AssessmentRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async questionnaire(actor: Actor, caseId: string): Promise<QuestionnaireResponse> {
    const sections = applicableSections((await this.contexts.read(actor, caseId)).triage);
    const local = (t: { nl: string; en: string }) => ({ nl: t.nl, en: t.en });
    const items = (list: typeof DPIA_ITEMS) =>
      list.map((i) => ({
        id: i.id,
        field: i.field,
        text: local(i.text),
        required: i.required,
        sources: [...i.sources],
      }));
    return {
      dimensions: DIMENSIONS.map((d) => ({
        key: d.key,
        title: local(d.title),
        sources: [...d.sources],
        questions: d.questions.map((q) => ({
          id: q.id,
          text: local(q.text),
          sources: [...q.sources],
        })),
      })),
      dpia: sections.dpia ? items(DPIA_ITEMS) : null,
      fria: sections.fria ? items(FRIA_ITEMS) : null,
    };
  }

  async get(actor: Actor, caseId: string): Promise<AssessmentResponse> {
    const ctx = await this.contexts.read(actor, caseId);
    return this.respond(
      ctx,
      ctx.side === 'employer' ? await this.assessments.draftOf(caseId) : null,
    );
  }

  async update(
    actor: Actor,
    caseId: string,
    dto: UpdateAssessmentDto,
  ): Promise<AssessmentResponse> {
    return this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      this.contexts.assertEmployer(ctx, 'assessment');
      assertSectionsApply(
        applicableSections(ctx.triage),
        { dpia: dto.dpia !== undefined, fria: dto.fria !== undefined },
        '',
      );
      const existing = await this.assessments.draftOf(caseId);
      const current = existing?.version ?? 0;
      if (dto.version !== current) {
        throw new VersionConflict('assessment', dto.version, current);
      }
      const now = this.clock.now();
      const draft =
        existing ??
        this.assessments.newDraft({
          caseId,
          updatedBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
      const answers = { ...draft.answers };
      for (const a of dto.answers ?? []) {
        answers[a.questionId] = answerOf(a);
      }
      for (const id of dto.clearAnswers ?? []) {
        delete answers[id];
      }
      draft.answers = answers;
      const ratings = { ...draft.dimensionRatings };
      for (const d of dto.dimensions ?? []) {
        ratings[d.dimension] = {
          rating: d.rating,
          ...(d.mitigations ? { mitigations: d.mitigations } : {}),
        };
      }
      draft.dimensionRatings = ratings;
      if (dto.risks) {
        draft.risks = dto.risks.map((r) => ({
          id: r.id ?? randomUUID(),
          risk: r.risk,
          affectedGroup: r.affectedGroup,
          likelihood: r.likelihood,
          severity: r.severity,
          mitigation: r.mitigation,
          owner: r.owner,
        }));
      }
      if (dto.dpia) {
        draft.dpia = mergeSection(draft.dpia, { ...dto.dpia });
      }
      if (dto.fria) {
        draft.fria = mergeSection(draft.fria, { ...dto.fria });
      }
      draft.updatedBy = actor.userId;
      draft.updatedAt = now;
      const saved = await this.assessments.saveDraft(draft);
      const after = {
        version: saved.version,
        answers: (dto.answers ?? []).map((a) => a.questionId),
        clearedAnswers: dto.clearAnswers ?? [],
        dimensions: (dto.dimensions ?? []).map((d) => d.dimension),
        risks: dto.risks ? saved.risks.length : undefined,
        dpia: dto.dpia ? Object.keys(dto.dpia) : undefined,
        fria: dto.fria ? Object.keys(dto.fria) : undefined,
      };
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'assessment.updated',
        before: { version: current },
        after,
      });
      await this.contexts.emit(ctx, actor, 'assessment.updated', { version: saved.version });
      return this.respond(ctx, saved);
    });
  }

  /** Freezes the draft as the next version; a submitted version never changes again. */
  async submit(
    actor: Actor,
    caseId: string,
    dto: SubmitAssessmentDto,
  ): Promise<AssessmentVersionResponse> {
    return this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      this.contexts.assertEmployer(ctx, 'assessment');
      const draft = await this.assessments.draftOf(caseId);
      if (!draft || draft.version !== dto.version) {
        throw new VersionConflict('assessment', dto.version, draft?.version ?? 0);
      }
      const sections = applicableSections(ctx.triage);
      const content = snapshotOf(contentOf(draft), sections);
      const latest = await this.assessments.latestVersion(caseId);
      const changes = diffAssessments(latest?.content ?? null, content);
      const sameSections =
        latest !== null &&
        latest.sections.dpia === sections.dpia &&
        latest.sections.fria === sections.fria;
      if (changes.length === 0 && (latest === null || sameSections)) {
        throw new Unprocessable(
          'assessment.no_changes',
          latest ? `The draft is the same as version ${latest.seq}.` : 'The draft is empty.',
          { latestSeq: latest?.seq ?? null },
        );
      }
      const version = await this.assessments.addVersion({
        caseId,
        seq: (latest?.seq ?? 0) + 1,
        content,
        sections,
        submittedBy: actor.userId,
        submittedAt: this.clock.now(),
      });
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'assessment.submitted',
        after: { seq: version.seq, draftVersion: draft.version, changes: changes.length },
      });
      await this.contexts.emit(ctx, actor, 'assessment.submitted', { seq: version.seq });
      return toVersionResponse(version, changes.length);
    });
  }

  async versions(actor: Actor, caseId: string): Promise<AssessmentVersionSummaryResponse[]> {
    await this.contexts.read(actor, caseId);
    const versions = await this.assessments.versions(caseId);
    return versions.map((v, i) =>
      toVersionSummary(v, diffAssessments(versions[i - 1]?.content ?? null, v.content).length),
    );
  }

  async version(actor: Actor, caseId: string, seq: number): Promise<AssessmentVersionResponse> {
    await this.contexts.read(actor, caseId);
    const version = await this.requireVersion(caseId, seq);
    const previous = seq > 1 ? await this.assessments.version(caseId, seq - 1) : null;
    return toVersionResponse(
      version,
      diffAssessments(previous?.content ?? null, version.content).length,
    );
  }

  /** What version `seq` changed from the one before it (from nothing for the first). */
  async diff(actor: Actor, caseId: string, seq: number): Promise<AssessmentDiffResponse> {
    await this.contexts.read(actor, caseId);
    const version = await this.requireVersion(caseId, seq);
    const previous = seq > 1 ? await this.assessments.version(caseId, seq - 1) : null;
    return {
      from: previous?.seq ?? 0,
      to: seq,
      changes: diffAssessments(previous?.content ?? null, version.content).map((c) => ({ ...c })),
    };
  }

  async comments(
    actor: Actor,
    caseId: string,
    query: AssessmentCommentsQueryDto,
  ): Promise<AssessmentCommentResponse[]> {
    await this.contexts.read(actor, caseId);
    return (await this.assessments.comments(caseId, query.questionId)).map(toCommentResponse);
  }

  async addComment(
    actor: Actor,
    caseId: string,
    dto: CreateAssessmentCommentDto,
  ): Promise<AssessmentCommentResponse> {
    return this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      this.contexts.assertCouncil(ctx, 'assessment');
      assertSectionsApply(
        applicableSections(ctx.triage),
        { dpia: dto.questionId.startsWith('DPIA.'), fria: dto.questionId.startsWith('FRIA.') },
        'questionId',
      );
      const latest = await this.assessments.latestVersion(caseId);
      const comment = await this.assessments.saveComment({
        caseId,
        questionId: dto.questionId,
        versionSeq: latest?.seq ?? null,
        authorId: actor.userId,
        authorSide: ctx.side,
        body: dto.body,
        counterEffect: dto.counterEffect === undefined ? null : String(dto.counterEffect),
        createdAt: this.clock.now(),
        editedAt: null,
      });
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'assessment.commented',
        after: { commentId: comment.id, questionId: comment.questionId },
      });
      await this.contexts.emit(ctx, actor, 'assessment.commented', {
        commentId: comment.id,
        questionId: comment.questionId,
      });
      return toCommentResponse(comment);
    });
  }

  async editComment(
    actor: Actor,
    caseId: string,
    commentId: string,
    dto: EditAssessmentCommentDto,
  ): Promise<AssessmentCommentResponse> {
    return this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      const comment = await this.assessments.comment(caseId, commentId);
      if (!comment) {
        throw new NotFound('assessment_comment');
      }
      if (comment.authorId !== actor.userId) {
        throw new Forbidden('assessment.comment_author_only', 'Only the author edits a comment.');
      }
      const before = { body: comment.body, counterEffect: comment.counterEffect };
      comment.body = dto.body;
      if (dto.counterEffect !== undefined) {
        comment.counterEffect = dto.counterEffect === null ? null : String(dto.counterEffect);
      }
      comment.editedAt = this.clock.now();
      const saved = await this.assessments.saveComment(comment);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'assessment.comment_edited',
        before,
        after: { body: saved.body, counterEffect: saved.counterEffect },
      });
      await this.contexts.emit(ctx, actor, 'assessment.comment_edited', { commentId });
      return toCommentResponse(saved);
    });
  }

  private async requireVersion(caseId: string, seq: number): Promise<AssessmentVersionEntity> {
    const version = await this.assessments.version(caseId, seq);
    if (!version) {
      throw new NotFound('assessment_version');
    }
    return version;
  }

  private async respond(
    ctx: CaseContext,
    draft: AssessmentEntity | null,
  ): Promise<AssessmentResponse> {
    const sections = applicableSections(ctx.triage);
    const latest = await this.assessments.latestVersion(ctx.caseId);
    const previous =
      latest && latest.seq > 1 ? await this.assessments.version(ctx.caseId, latest.seq - 1) : null;
    const employer = ctx.side === 'employer';
    const draftContent = draft ? snapshotOf(contentOf(draft), sections) : null;
    return {
      caseId: ctx.caseId,
      version: employer ? (draft?.version ?? 0) : 0,
      sections: { ...sections },
      draft: employer
        ? toContentResponse(draftContent ?? snapshotOf(EMPTY_CONTENT, sections))
        : null,
      latestVersion: latest
        ? toVersionResponse(
            latest,
            diffAssessments(previous?.content ?? null, latest.content).length,
          )
        : null,
      unsubmittedChanges: employer
        ? draftContent !== null && diffAssessments(latest?.content ?? null, draftContent).length > 0
        : null,
      updatedAt: employer ? (draft?.updatedAt.toISOString() ?? null) : null,
    };
  }
}

function assertSectionsApply(
  sections: ApplicableSections,
  given: ApplicableSections,
  path: string,
): void {
  const problems: FieldProblem[] = [];
  if (given.dpia && !sections.dpia) {
    problems.push({
      path: path || 'dpia',
      message: 'the triage does not require a DPIA (GDPR art. 35)',
    });
  }
  if (given.fria && !sections.fria) {
    problems.push({
      path: path || 'fria',
      message: 'the triage does not require a FRIA (AI Act art. 27)',
    });
  }
  if (problems.length > 0) {
    throw new Unprocessable(
      'assessment.section_not_applicable',
      'This section is not part of the assessment: the case’s triage does not require it.',
      {},
      problems,
    );
  }
}

function answerOf(a: AnswerDto): AnswerContent {
  const optional = (value: string | undefined) =>
    value !== undefined && value.trim() !== '' ? value : undefined;
  const answer: Record<string, unknown> = {
    answer: a.answer,
    basis: optional(a.basis),
    evidenceType: a.evidenceType,
    effect: a.effect,
    likelihood: a.likelihood,
    affectedGroup: optional(a.affectedGroup),
    mitigation: optional(a.mitigation),
  };
  return Object.fromEntries(
    Object.entries(answer).filter(([, v]) => v !== undefined),
  ) as unknown as AnswerContent;
}

function contentOf(draft: AssessmentEntity): AssessmentContent {
  return {
    answers: draft.answers,
    dimensions: draft.dimensionRatings,
    risks: draft.risks,
    dpia: draft.dpia,
    fria: draft.fria,
  };
}

function toContentResponse(content: AssessmentContent): AssessmentContentResponse {
  return {
    answers: QUESTIONS.filter((q) => content.answers[q.id]).map((q) => ({
      questionId: q.id,
      ...content.answers[q.id],
    })),
    dimensions: DIMENSIONS.filter((d) => content.dimensions[d.key]).map((d) => ({
      dimension: d.key,
      ...content.dimensions[d.key]!,
    })),
    risks: content.risks.map((r) => ({ ...r })),
    dpia: content.dpia ? { ...content.dpia } : null,
    fria: content.fria ? { ...content.fria } : null,
  };
}

function toVersionSummary(
  v: AssessmentVersionEntity,
  changes: number,
): AssessmentVersionSummaryResponse {
  return {
    seq: v.seq,
    submittedBy: v.submittedBy,
    submittedAt: v.submittedAt.toISOString(),
    changes,
  };
}

function toVersionResponse(v: AssessmentVersionEntity, changes: number): AssessmentVersionResponse {
  return {
    ...toVersionSummary(v, changes),
    sections: { ...v.sections },
    content: toContentResponse(v.content),
  };
}

export function effectOf(stored: string | null): Effect | null {
  if (stored === null) {
    return null;
  }
  return stored === 'unknown' ? 'unknown' : (Number(stored) as Effect);
}

function toCommentResponse(c: AssessmentCommentEntity): AssessmentCommentResponse {
  return {
    id: c.id,
    questionId: c.questionId,
    versionSeq: c.versionSeq,
    authorId: c.authorId,
    authorSide: c.authorSide,
    body: c.body,
    counterEffect: effectOf(c.counterEffect),
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
  };
}
