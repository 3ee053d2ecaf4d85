import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { Clock, Forbidden, NotFound, VersionConflict } from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';

import type { CouncilSpaceEventType } from './council-space.events';
import { CouncilSpaceRepository } from './council-space.repository';
import type {
  CreateInternalNoteDto,
  InternalNoteResponse,
  UpdateInternalNoteDto,
} from './dto/council-space.dto';
import { type InternalAccess, InternalAccessPolicy } from './internal-access.policy';
import type { InternalNoteEntity } from './internal-note.entity';

/**
 * Notes and draft positions in the council-internal space (issue #6). Kept out of the case audit
 * trail on purpose: the employer side reads that trail, and must not learn what the council
 * deliberates.
 */
@Injectable()
export class InternalNoteService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly space: CouncilSpaceRepository,
    private readonly policy: InternalAccessPolicy,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, caseId: string): Promise<InternalNoteResponse[]> {
    await this.policy.assertInternal(actor, caseId);
    return (await this.space.notesOf(caseId)).map(toInternalNoteResponse);
  }

  async create(
    actor: Actor,
    caseId: string,
    dto: CreateInternalNoteDto,
  ): Promise<InternalNoteResponse> {
    const access = await this.policy.assertInternal(actor, caseId);
    const note = await this.tx.run(async () => {
      await this.policy.lockCase(caseId);
      const now = this.clock.now();
      const saved = await this.space.saveNote(
        this.space.createNote({
          caseId,
          authorId: actor.userId,
          kind: dto.kind,
          track: dto.track ?? null,
          body: dto.body,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.emit(actor, access, 'internal.note_added', saved);
      return saved;
    });
    return toInternalNoteResponse(note);
  }

  async update(
    actor: Actor,
    caseId: string,
    noteId: string,
    dto: UpdateInternalNoteDto,
  ): Promise<InternalNoteResponse> {
    const access = await this.policy.assertInternal(actor, caseId);
    const note = await this.tx.run(async () => {
      await this.policy.lockCase(caseId);
      const current = await this.editableNote(actor, access, noteId);
      if (current.version !== dto.version) {
        throw new VersionConflict('internal_note', dto.version, current.version);
      }
      current.body = dto.body ?? current.body;
      current.track = dto.track ?? current.track;
      current.updatedAt = this.clock.now();
      const saved = await this.space.saveNote(current);
      await this.emit(actor, access, 'internal.note_updated', saved);
      return saved;
    });
    return toInternalNoteResponse(note);
  }

  async remove(actor: Actor, caseId: string, noteId: string): Promise<void> {
    const access = await this.policy.assertInternal(actor, caseId);
    await this.tx.run(async () => {
      await this.policy.lockCase(caseId);
      const current = await this.editableNote(actor, access, noteId);
      await this.space.deleteNote(current.id);
      await this.emit(actor, access, 'internal.note_deleted', current);
    });
  }

  /** The author edits their note; the chair or secretary may also tidy up the space. */
  private async editableNote(
    actor: Actor,
    access: InternalAccess,
    noteId: string,
  ): Promise<InternalNoteEntity> {
    const note = await this.space.noteForUpdate(access.caseId, noteId);
    if (!note) {
      throw new NotFound('internal_note');
    }
    if (note.authorId !== actor.userId && access.side !== 'council_board') {
      throw new Forbidden(
        'internal_note.author_only',
        'Only the author, the chair or the secretary changes a note.',
      );
    }
    return note;
  }

  private async emit(
    actor: Actor,
    access: InternalAccess,
    type: CouncilSpaceEventType,
    note: InternalNoteEntity,
  ): Promise<void> {
    await this.outbox.append(
      [
        domainEvent(
          type,
          { noteId: note.id, kind: note.kind, version: note.version },
          {
            caseId: access.caseId,
            organisationId: access.organisationId,
            worksCouncilId: access.worksCouncilId,
          },
        ),
      ],
      actor.userId,
    );
  }
}

export function toInternalNoteResponse(n: InternalNoteEntity): InternalNoteResponse {
  return {
    id: n.id,
    caseId: n.caseId,
    kind: n.kind,
    track: n.track,
    body: n.body,
    authorId: n.authorId,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
    version: n.version,
  };
}
