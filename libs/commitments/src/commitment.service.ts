import { Injectable } from '@nestjs/common';

import { AccessService, type AgendaLineContext, type CaseAccess } from '@wc/access';
import { AuditService } from '@wc/audit';
import type { Actor } from '@wc/auth';
import { CaseService, TrackTransitionService } from '@wc/cases';
import { Clock, Conflict, Forbidden, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { type CursorPageQueryDto, type Page, pageOfSorted } from '@wc/pagination';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';

import type { CommitmentEntity, CommitmentStatus } from './commitment.entity';
import { CommitmentRepository } from './commitment.repository';
import type {
  AssignCommitmentDto,
  CommitmentCountsResponse,
  CommitmentResponse,
  CouncilCommitmentDecisionDto,
  RecordEvidenceDto,
  ReopenFromCommitmentDto,
} from './dto/commitment.dto';

type Allowed = CommitmentResponse['allowedActions'][number];

/** An open commitment as another lib sees it: what it asks and by when, not who or how. */
export interface OpenCommitment {
  readonly commitmentId: string;
  readonly track: 'advice' | 'consent';
  readonly conditionNo: number;
  readonly condition: string;
  readonly dueDate: string | null;
}

/**
 * Conditions become commitments (issue #19). Who may do what follows the two parties (B.19): the
 * employer names an owner and a due date and records evidence and that a condition is met; only
 * the council's chair or secretary declares a commitment broken or waives it, and from a broken
 * one reopens the case or takes the legal step (nullity, art. 27(5); appeal, art. 26).
 */
@Injectable()
export class CommitmentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: CommitmentRepository,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly cases: CaseService,
    private readonly tracks: TrackTransitionService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /** One page of the case's commitments, by track and condition number (bounded by the conditions). */
  async list(
    actor: Actor,
    caseId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<CommitmentResponse>> {
    const access = await this.access.requireCase(actor, caseId);
    const all = (await this.repo.ofCases([caseId])).map((c) => toResponse(c, access));
    return pageOfSorted(all, query, (c) => [c.track, c.conditionNo, c.id]);
  }

  /** Counts per status of the cases the actor may see, by case: for dashboards. */
  async countsOf(
    actor: Actor,
    caseIds: readonly string[],
  ): Promise<Map<string, CommitmentCountsResponse>> {
    const visible = await this.access.checkCaseAccess(actor, caseIds);
    const counts = new Map<string, CommitmentCountsResponse>(
      [...visible].map((id) => [id, { open: 0, met: 0, broken: 0, waived: 0 }]),
    );
    for (const c of await this.repo.ofCases([...visible])) {
      counts.get(c.caseId)![c.status] += 1;
    }
    return counts;
  }

  /**
   * The case's open commitments, for the review at each evaluation (`@wc/evaluations`, which may
   * not read this lib's table). The caller has checked that its actor sees the case.
   */
  async openOf(caseId: string): Promise<OpenCommitment[]> {
    return (await this.repo.ofCases([caseId]))
      .filter((c) => c.status === 'open')
      .map((c) => ({
        commitmentId: c.id,
        track: c.track,
        conditionNo: c.conditionNo,
        condition: c.condition,
        dueDate: c.dueDate,
      }));
  }

  /**
   * The open commitments the actor owns on the agenda's cases where they act for the employer, as
   * lines of the personal agenda's one statement (issue #13).
   */
  agendaLinesSql(ctx: AgendaLineContext): string {
    return this.repo.ownedOpenLinesSql(ctx);
  }

  async assign(
    actor: Actor,
    commitmentId: string,
    dto: AssignCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.change(
      actor,
      commitmentId,
      dto.version,
      'employer',
      async (c): Promise<ChangeEvent> => {
        if (dto.ownerId) {
          const viewers = await this.access.viewersOf(c.caseId);
          if (!viewers.some((v) => v.userId === dto.ownerId && v.side === 'employer')) {
            throw new Unprocessable(
              'commitment.owner_not_employer',
              "A commitment's owner is someone on the employer side of the case.",
              {},
              [{ path: 'ownerId', message: 'is not on the employer side of this case' }],
            );
          }
        }
        if (c.status !== 'open') {
          throw notOpen();
        }
        if (dto.ownerId !== undefined) {
          c.ownerId = dto.ownerId;
        }
        if (dto.dueDate !== undefined) {
          c.dueDate = dto.dueDate;
        }
        return 'commitment.updated';
      },
    );
  }

  async recordEvidence(
    actor: Actor,
    commitmentId: string,
    dto: RecordEvidenceDto,
  ): Promise<CommitmentResponse> {
    return this.change(actor, commitmentId, dto.version, 'employer', (c): ChangeEvent => {
      if (c.status !== 'open') {
        throw notOpen();
      }
      c.evidence = dto.evidence;
      c.evidenceDocumentId = dto.documentId ?? null;
      if (dto.met) {
        this.setStatus(c, 'met', actor, null);
      }
      return 'commitment.evidence_recorded';
    });
  }

  async declareBroken(
    actor: Actor,
    commitmentId: string,
    dto: CouncilCommitmentDecisionDto,
  ): Promise<CommitmentResponse> {
    return this.change(actor, commitmentId, dto.version, 'council_board', (c): ChangeEvent => {
      // The employer saying "met" does not bind the council: it may still find it broken.
      if (c.status !== 'open' && c.status !== 'met') {
        throw notOpen();
      }
      this.setStatus(c, 'broken', actor, dto.note);
      return 'commitment.broken';
    });
  }

  async waive(
    actor: Actor,
    commitmentId: string,
    dto: CouncilCommitmentDecisionDto,
  ): Promise<CommitmentResponse> {
    return this.change(actor, commitmentId, dto.version, 'council_board', (c): ChangeEvent => {
      if (c.status !== 'open' && c.status !== 'broken') {
        throw notOpen();
      }
      this.setStatus(c, 'waived', actor, dto.note);
      return 'commitment.waived';
    });
  }

  /**
   * From a broken commitment the council reopens the case (the track goes back to screening) or
   * takes the legal step; the track's own rules decide whether that is possible now (409
   * `case.transition_not_allowed` lists what is missing), in the same transaction.
   */
  async reopen(
    actor: Actor,
    commitmentId: string,
    dto: ReopenFromCommitmentDto,
  ): Promise<CommitmentResponse> {
    return this.change(actor, commitmentId, dto.version, 'council_board', async (c) => {
      if (c.status !== 'broken') {
        throw new Conflict(
          'commitment.not_broken',
          'Only a commitment the council declared broken reopens the case.',
        );
      }
      if (c.reopenedAt) {
        throw new Conflict(
          'commitment.reopen_not_possible',
          'The case was already reopened from this commitment.',
        );
      }
      const type =
        dto.step === 'reopen'
          ? 'propose_change'
          : c.track === 'consent'
            ? 'invoke_nullity'
            : 'file_appeal';
      const { version } = await this.cases.get(actor, c.caseId);
      await this.tracks.transition(actor, c.caseId, c.track, {
        version,
        action: { type } as never,
      });
      c.reopenedAt = this.clock.now();
      return { type: 'commitment.reopened' as const, step: dto.step };
    });
  }

  private setStatus(
    c: CommitmentEntity,
    status: CommitmentStatus,
    actor: Actor,
    note: string | null,
  ): void {
    c.status = status;
    c.statusNote = note;
    c.statusChangedBy = actor.userId;
    c.statusChangedAt = this.clock.now();
  }

  /** Lock, authorise (404 if the case is invisible, 403 for the wrong side), version, change, audit, emit. */
  private async change(
    actor: Actor,
    commitmentId: string,
    version: number,
    side: 'employer' | 'council_board',
    apply: (
      c: CommitmentEntity,
    ) =>
      | ChangeEvent
      | { type: 'commitment.reopened'; step: string }
      | Promise<ChangeEvent | { type: 'commitment.reopened'; step: string }>,
  ): Promise<CommitmentResponse> {
    return this.tx.run(async () => {
      const c = await this.repo.getForUpdate(commitmentId);
      const access = c ? (await this.access.cases(actor, [c.caseId])).get(c.caseId) : undefined;
      if (!c || !access) {
        throw new NotFound('commitment');
      }
      if (access.side !== side) {
        throw side === 'employer'
          ? new Forbidden(
              'commitment.employer_only',
              'The employer names the owner, the due date and the evidence.',
            )
          : new Forbidden(
              'commitment.council_board_only',
              "Only the council's chair or secretary declares a commitment broken, waives it or reopens the case.",
            );
      }
      if (c.version !== version) {
        throw new VersionConflict('commitment', version, c.version);
      }
      const before = snapshot(c);
      const done = await apply(c);
      const saved = await this.repo.save(c);
      const type = typeof done === 'string' ? done : done.type;
      await this.audit.record({
        caseId: saved.caseId,
        actorId: actor.userId,
        action: type,
        before,
        after: { commitmentId: saved.id, ...snapshot(saved) },
      });
      await this.outbox.append(
        [
          typeof done === 'string'
            ? event(done, saved)
            : domainEvent(
                'commitment.reopened',
                { ...changeOf(saved), step: done.step },
                scopeOf(saved),
              ),
        ],
        actor.userId,
      );
      return toResponse(saved, access);
    });
  }
}

type ChangeEvent =
  'commitment.updated' | 'commitment.evidence_recorded' | 'commitment.broken' | 'commitment.waived';

function notOpen(): Conflict {
  return new Conflict('commitment.not_open', 'This commitment is no longer open for that.');
}

function snapshot(c: CommitmentEntity): Record<string, unknown> {
  return {
    status: c.status,
    ownerId: c.ownerId,
    dueDate: c.dueDate,
    evidence: c.evidence,
    statusNote: c.statusNote,
  };
}

function changeOf(c: CommitmentEntity) {
  return { commitmentId: c.id, track: c.track, status: c.status, version: c.version };
}

function scopeOf(c: CommitmentEntity) {
  return { caseId: c.caseId, organisationId: c.organisationId, worksCouncilId: c.worksCouncilId };
}

function event(type: ChangeEvent, c: CommitmentEntity) {
  return domainEvent(type, changeOf(c), scopeOf(c));
}

function allowedFor(c: CommitmentEntity, access: CaseAccess): Allowed[] {
  if (access.side === 'employer') {
    return c.status === 'open' ? ['assign', 'record_evidence'] : [];
  }
  if (access.side === 'council_board') {
    const allowed: Allowed[] = [];
    if (c.status === 'open' || c.status === 'met') {
      allowed.push('declare_broken');
    }
    if (c.status === 'open' || c.status === 'broken') {
      allowed.push('waive');
    }
    if (c.status === 'broken' && !c.reopenedAt) {
      allowed.push('reopen');
    }
    return allowed;
  }
  return [];
}

/** A union whose share shows the status only sees where each commitment stands, not its text. */
export function toResponse(c: CommitmentEntity, access: CaseAccess): CommitmentResponse {
  const statusOnly = access.side === 'union' && access.unionScope !== 'dossier';
  return {
    id: c.id,
    caseId: c.caseId,
    track: c.track,
    conditionNo: c.conditionNo,
    condition: statusOnly ? null : c.condition,
    ownerId: statusOnly ? null : c.ownerId,
    dueDate: c.dueDate,
    evidence: statusOnly ? null : c.evidence,
    evidenceDocumentId: statusOnly ? null : c.evidenceDocumentId,
    status: c.status,
    statusNote: statusOnly ? null : c.statusNote,
    statusChangedAt: c.statusChangedAt?.toISOString() ?? null,
    reopenedAt: c.reopenedAt?.toISOString() ?? null,
    allowedActions: allowedFor(c, access),
    version: c.version,
  };
}
