import type { Readable } from 'node:stream';

import { Inject, Injectable } from '@nestjs/common';

import { AuditService } from '@wc/audit';
import { CouncilsService } from '@wc/councils';
import type { Actor } from '@wc/auth';
import type { EventPayload, EventTypeOf } from '@wc/contracts';
import { AccessService, type ActorSide } from '@wc/access';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import {
  BadRequest,
  Clock,
  Forbidden,
  groupBy,
  NotFound,
  Unprocessable,
  VersionConflict,
} from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';

import type { DocumentVersionEntity } from './document-version.entity';
import type { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import {
  amsterdamDay,
  type CheckedUpload,
  checkUpload,
  type ConfidentialityMark,
  imposingOrigin,
  type IncomingFile,
  isConfidentialOn,
  mayAddVersion,
  mayChangeConfidentiality,
  mayDeleteDocument,
  mayReadDocument,
  mayReadDocumentKind,
  maySeeConfidentialityParties,
  originOf,
} from './domain';
import type {
  AddDocumentVersionDto,
  ConfidentialityDto,
  ConfidentialityResponse,
  DocumentDetailResponse,
  DocumentResponse,
  DocumentVersionResponse,
  UploadDocumentDto,
} from './dto/document.dto';
import { DocumentStorage, storageKeyFor } from './storage/document-storage';
import { TextExtractor } from './text-extractor';

/** Who is asking, on which case, and which day it is in Amsterdam (secrecy ends on a day). */
interface Access {
  caseId: string;
  organisationId: string;
  worksCouncilId: string;
  side: ActorSide;
  userId: string;
  today: string;
}

export interface DocumentContent {
  body: Buffer | Readable;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Case dossier documents: upload, versions, download, WOR art. 20 secrecy, soft delete.
 * Order of every upload: case visibility and role → checks on the bytes → storage write → one
 * transaction with rows, audit and outbox. A refused upload therefore writes neither rows nor
 * bytes; a failed transaction may leave an unreferenced blob, harmless as keys are content hashes.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly documents: DocumentRepository,
    private readonly cases: AccessService,
    private readonly storage: DocumentStorage,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly texts: TextExtractor,
    private readonly councils: CouncilsService,
  ) {}

  async upload(
    actor: Actor,
    caseId: string,
    file: IncomingFile,
    dto: UploadDocumentDto,
  ): Promise<DocumentDetailResponse> {
    const access = await this.access(actor, caseId);
    const origin = originOf(access.side);
    if (!origin) {
      throw new Forbidden(
        'document.upload_not_allowed',
        'Only the employer side and the council submit documents.',
      );
    }
    const mark =
      dto.confidentialScope !== undefined
        ? this.newMark(access, { scope: dto.confidentialScope, until: dto.confidentialUntil })
        : null;
    if (!mark && dto.confidentialUntil !== undefined) {
      throw new BadRequest('request.validation_failed', 'The request has invalid fields.', {}, [
        { path: 'confidentialScope', message: 'is required with confidentialUntil' },
      ]);
    }
    const kind = dto.kind ?? 'document';
    const expertEngagementId =
      kind === 'expert_opinion' ? await this.engagementFor(actor, access, dto) : null;
    const checked = await this.store(file);
    const text = await this.texts.extract(checked.bytes, checked.mediaType);
    const { document, version } = await this.tx.run(async () => {
      const created = await this.documents.insert({
        caseId,
        title: dto.title,
        dossierItem: dto.dossierItem ?? null,
        origin,
        kind,
        expertEngagementId,
        attachedToPositionAt: null,
        attachedToPositionBy: null,
        confidential: mark,
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      const first = await this.documents.insertVersion(
        this.newVersion(created.id, 1, checked, actor),
      );
      await this.documents.putText(created.id, text ?? '', this.clock.now());
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'document.uploaded',
        // The audit trail is read by both sides: of an expert opinion not yet attached to the
        // council's position it records only that one was uploaded, not what it is called.
        after:
          kind === 'expert_opinion'
            ? { documentId: created.id, kind, ...versionFacts(first) }
            : {
                documentId: created.id,
                title: created.title,
                dossierItem: created.dossierItem,
                ...versionFacts(first),
                confidentiality: mark ? markFacts(mark) : null,
              },
      });
      await this.emit(access, actor, 'document.uploaded', { documentId: created.id, seq: 1 });
      return { document: created, version: first };
    });
    return this.toDetail(access, document, [version]);
  }

  async addVersion(
    actor: Actor,
    caseId: string,
    documentId: string,
    file: IncomingFile,
    dto: AddDocumentVersionDto,
  ): Promise<DocumentDetailResponse> {
    const access = await this.access(actor, caseId);
    const before = await this.visibleDocument(access, documentId);
    if (!mayAddVersion(access.side, before.origin)) {
      throw new Forbidden(
        'document.version_not_allowed',
        'New versions come from the side that submitted the document.',
        { origin: before.origin },
      );
    }
    if (dto.version !== undefined && dto.version !== before.version) {
      throw new VersionConflict('document', dto.version, before.version); // early, before any byte is stored
    }
    const checked = await this.store(file);
    const text = await this.texts.extract(checked.bytes, checked.mediaType);
    const document = await this.tx.run(async () => {
      const locked = await this.visibleDocument(access, documentId, true);
      if (dto.version !== undefined && dto.version !== locked.version) {
        throw new VersionConflict('document', dto.version, locked.version);
      }
      const seq = (await this.documents.lastSeq(documentId)) + 1;
      const version = await this.documents.insertVersion(
        this.newVersion(documentId, seq, checked, actor),
      );
      // Search finds a document by the words of its latest version only.
      await this.documents.putText(documentId, text ?? '', this.clock.now());
      const saved = await this.documents.bumpVersion(locked);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'document.version_added',
        after: { documentId, ...versionFacts(version) },
      });
      await this.emit(access, actor, 'document.version_added', { documentId, seq });
      return saved;
    });
    return this.toDetail(access, document, await this.documents.versionsOf([documentId]));
  }

  /** The documents the actor may see, newest version of each; for the HTTP list and the PDF export. */
  async listForCase(
    actor: Actor,
    caseId: string,
    filter: { dossierItem?: string } = {},
  ): Promise<DocumentResponse[]> {
    const access = await this.access(actor, caseId);
    const visible = (await this.documents.listOfCase(caseId, filter)).filter(
      (d) =>
        mayReadDocument(access, d.confidential, access.today) &&
        mayReadDocumentKind(access.side, d.kind, d.attachedToPositionAt !== null),
    );
    const versions = groupBy(
      await this.documents.versionsOf(visible.map((d) => d.id)),
      (v) => v.documentId,
    );
    return visible.map((d) => this.toResponse(access, d, versions.get(d.id) ?? []));
  }

  async get(actor: Actor, caseId: string, documentId: string): Promise<DocumentDetailResponse> {
    const access = await this.access(actor, caseId);
    const document = await this.visibleDocument(access, documentId);
    return this.toDetail(access, document, await this.documents.versionsOf([documentId]));
  }

  async content(
    actor: Actor,
    caseId: string,
    documentId: string,
    seq: number,
  ): Promise<DocumentContent> {
    const access = await this.access(actor, caseId);
    await this.visibleDocument(access, documentId);
    const version = await this.documents.version(documentId, seq);
    if (!version) {
      throw new NotFound('document_version');
    }
    return {
      body: await this.storage.get(version.storageKey),
      filename: version.filename,
      mediaType: version.mediaType,
      sizeBytes: version.sizeBytes,
      sha256: version.sha256,
    };
  }

  /**
   * Imposes or amends WOR art. 20 secrecy (W18): the employer side or the council board; an
   * existing mark only by the side that imposed it.
   */
  async setConfidentiality(
    actor: Actor,
    caseId: string,
    documentId: string,
    dto: ConfidentialityDto,
  ): Promise<DocumentDetailResponse> {
    const access = await this.access(actor, caseId);
    await this.visibleDocument(access, documentId); // a hidden document answers 404 before any role check
    const mark = this.newMark(access, dto);
    const document = await this.tx.run(async () => {
      const locked = await this.visibleDocument(access, documentId, true);
      if (locked.confidential && !mayChangeConfidentiality(access.side, locked.confidential)) {
        throw new Forbidden(
          'document.confidentiality_not_yours',
          'Only the side that imposed the secrecy may change or lift it.',
          { imposedBySide: locked.confidential.imposedBySide },
        );
      }
      if (locked.version !== dto.version) {
        throw new VersionConflict('document', dto.version, locked.version);
      }
      const before = locked.confidential;
      locked.confidential = mark;
      const saved = await this.documents.save(locked);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: before ? 'document.confidentiality_changed' : 'document.confidentiality_imposed',
        before: before ? { documentId, ...markFacts(before) } : null,
        after: { documentId, ...markFacts(mark) },
      });
      await this.emit(access, actor, 'document.confidentiality_changed', { documentId });
      // Issue #16: whoever the mark newly names (an admitted expert, an exempted person) is told, one by one.
      for (const userId of newlyNamed(before, mark, actor.userId)) {
        await this.emit(access, actor, 'document.shared', { documentId }, userId);
      }
      return saved;
    });
    return this.toDetail(access, document, await this.documents.versionsOf([documentId]));
  }

  async liftConfidentiality(
    actor: Actor,
    caseId: string,
    documentId: string,
  ): Promise<DocumentDetailResponse> {
    const access = await this.access(actor, caseId);
    const document = await this.tx.run(async () => {
      const locked = await this.visibleDocument(access, documentId, true);
      if (!imposingOrigin(access.side)) {
        throw new Forbidden(
          'document.confidentiality_not_allowed',
          'WOR art. 20 secrecy is imposed and lifted by the employer side or the council board.',
        );
      }
      const before = locked.confidential;
      if (!before) {
        return locked; // lifting what is not there: nothing to do, nothing to record
      }
      if (!mayChangeConfidentiality(access.side, before)) {
        throw new Forbidden(
          'document.confidentiality_not_yours',
          'Only the side that imposed the secrecy may change or lift it.',
          { imposedBySide: before.imposedBySide },
        );
      }
      locked.confidential = null;
      const saved = await this.documents.save(locked);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'document.confidentiality_lifted',
        before: { documentId, ...markFacts(before) },
        after: { documentId },
      });
      await this.emit(access, actor, 'document.confidentiality_changed', { documentId });
      return saved;
    });
    return this.toDetail(access, document, await this.documents.versionsOf([documentId]));
  }

  /**
   * The council's chair or secretary attaches its expert's opinion to the council's position
   * (issue #19): from then on the employer side, and unions sharing the dossier, read it. Not
   * undone: what the employer has read cannot be unread. Attaching again changes nothing.
   */
  async attachToPosition(
    actor: Actor,
    caseId: string,
    documentId: string,
    version: number,
  ): Promise<DocumentDetailResponse> {
    const access = await this.access(actor, caseId);
    const document = await this.tx.run(async () => {
      const locked = await this.visibleDocument(access, documentId, true);
      if (access.side !== 'council_board') {
        throw new Forbidden(
          'document.attach_not_allowed',
          "Only the council's chair or secretary attaches a document to the council's position.",
        );
      }
      if (locked.kind !== 'expert_opinion') {
        throw new Unprocessable(
          'document.not_an_expert_opinion',
          "Only the council's expert's opinion is attached to the council's position.",
        );
      }
      if (locked.version !== version) {
        throw new VersionConflict('document', version, locked.version);
      }
      if (locked.attachedToPositionAt) {
        return locked;
      }
      locked.attachedToPositionAt = this.clock.now();
      locked.attachedToPositionBy = actor.userId;
      const saved = await this.documents.save(locked);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'document.attached_to_position',
        after: { documentId, title: saved.title, expertEngagementId: saved.expertEngagementId },
      });
      await this.emit(access, actor, 'document.attached_to_position', { documentId });
      return saved;
    });
    return this.toDetail(access, document, await this.documents.versionsOf([documentId]));
  }

  /** Soft delete by the employer side or the uploader; the bytes stay for the audit trail. */
  async remove(actor: Actor, caseId: string, documentId: string): Promise<void> {
    const access = await this.access(actor, caseId);
    await this.tx.run(async () => {
      const locked = await this.visibleDocument(access, documentId, true);
      if (!mayDeleteDocument(access, locked.createdBy)) {
        throw new Forbidden(
          'document.delete_not_allowed',
          'Only the employer side or the uploader deletes a document.',
        );
      }
      locked.deletedAt = this.clock.now();
      await this.documents.save(locked);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'document.deleted',
        before: { documentId, title: locked.title },
        after: { documentId },
      });
      await this.emit(access, actor, 'document.deleted', { documentId });
    });
  }

  /**
   * Ids of the case's documents under WOR art. 20 secrecy today, for notifications and exports
   * that must leave them out regardless of who reads.
   */
  async confidentialDocumentIds(caseId: string): Promise<string[]> {
    return this.documents.confidentialIdsOfCase(caseId, amsterdamDay(this.clock.now()));
  }

  private async access(actor: Actor, caseId: string): Promise<Access> {
    const visible = await this.cases.requireCase(actor, caseId);
    // A union share may cover status and deadlines only (issue #8); the dossier needs scope 'dossier'.
    if (visible.side === 'union' && visible.unionScope !== 'dossier') {
      throw new Forbidden(
        'document.not_shared',
        "Your union's share of this case does not include its documents.",
      );
    }
    return {
      caseId,
      organisationId: visible.organisationId,
      worksCouncilId: visible.worksCouncilId,
      side: visible.side,
      userId: actor.userId,
      today: amsterdamDay(this.clock.now()),
    };
  }

  /** The document, or 404 when it does not exist, is deleted, or is secret to this actor. */
  private async visibleDocument(
    access: Access,
    documentId: string,
    forUpdate = false,
  ): Promise<DocumentEntity> {
    const document = await this.documents.get(access.caseId, documentId, { forUpdate });
    if (
      !document ||
      !mayReadDocument(access, document.confidential, access.today) ||
      !mayReadDocumentKind(access.side, document.kind, document.attachedToPositionAt !== null)
    ) {
      throw new NotFound('document');
    }
    return document;
  }

  /** The engagement an expert opinion names: the council uploads it, for an engaged expert of its own. */
  private async engagementFor(
    actor: Actor,
    access: Access,
    dto: UploadDocumentDto,
  ): Promise<string> {
    if (access.side !== 'council_board' && access.side !== 'council_member') {
      throw new Forbidden(
        'document.expert_opinion_council_only',
        "The council uploads its expert's opinion.",
      );
    }
    const engagement = dto.expertEngagementId
      ? await this.councils.engagementOf(actor, access.worksCouncilId, dto.expertEngagementId)
      : null;
    if (!engagement || engagement.status !== 'engaged') {
      throw new Unprocessable(
        'document.expert_engagement_unknown',
        "An expert opinion names an engaged expert of the case's council (its expert engagement).",
        {},
        [{ path: 'expertEngagementId', message: 'is not an engaged expert of this council' }],
      );
    }
    return engagement.id;
  }

  private async store(file: IncomingFile): Promise<CheckedUpload> {
    const checked = checkUpload(file, this.config.storage.maxUploadBytes);
    await this.storage.put(storageKeyFor(checked.sha256), checked.bytes);
    return checked;
  }

  private newMark(
    access: Access,
    input: {
      scope: string;
      until?: string;
      exemptedUserIds?: string[];
      allowedExpertIds?: string[];
    },
  ): ConfidentialityMark {
    const imposedBySide = imposingOrigin(access.side);
    if (!imposedBySide) {
      throw new Forbidden(
        'document.confidentiality_not_allowed',
        'WOR art. 20 secrecy is imposed by the employer side or the council board.',
      );
    }
    if (input.until !== undefined && input.until < access.today) {
      throw new Unprocessable(
        'document.confidentiality_until_past',
        'The secrecy would already have ended.',
        {},
        [{ path: 'until', message: `must be ${access.today} or later` }],
      );
    }
    return {
      scope: input.scope,
      until: input.until ?? null,
      exemptedUserIds: [...new Set(input.exemptedUserIds ?? [])],
      allowedExpertIds: [...new Set(input.allowedExpertIds ?? [])],
      imposedBy: access.userId,
      imposedBySide,
      imposedAt: this.clock.now().toISOString(),
    };
  }

  private newVersion(
    documentId: string,
    seq: number,
    checked: CheckedUpload,
    actor: Actor,
  ): Omit<DocumentVersionEntity, 'id' | 'document'> {
    return {
      documentId,
      seq,
      filename: checked.filename,
      mediaType: checked.mediaType,
      sizeBytes: checked.sizeBytes,
      sha256: checked.sha256,
      storageKey: storageKeyFor(checked.sha256),
      uploadedBy: actor.userId,
      uploadedAt: this.clock.now(),
    };
  }

  private async emit<T extends EventTypeOf<'document'>>(
    access: Access,
    actor: Actor,
    type: T,
    payload: EventPayload<T>,
    userId: string | null = null,
  ): Promise<void> {
    const { caseId, organisationId, worksCouncilId } = access;
    await this.outbox.append(
      [domainEvent(type, payload, { caseId, organisationId, worksCouncilId, userId })],
      actor.userId,
    );
  }

  private toDetail(
    access: Access,
    document: DocumentEntity,
    versions: DocumentVersionEntity[],
  ): DocumentDetailResponse {
    return {
      ...this.toResponse(access, document, versions),
      versions: versions.map(toVersionResponse),
    };
  }

  private toResponse(
    access: Access,
    d: DocumentEntity,
    versions: DocumentVersionEntity[],
  ): DocumentResponse {
    const latest = versions.reduce((a, b) => (b.seq > a.seq ? b : a));
    return {
      id: d.id,
      caseId: d.caseId,
      title: d.title,
      dossierItem: d.dossierItem,
      origin: d.origin,
      kind: d.kind,
      expertEngagementId: d.expertEngagementId,
      attachedToPositionAt: d.attachedToPositionAt?.toISOString() ?? null,
      confidential: isConfidentialOn(d.confidential, access.today),
      confidentiality: d.confidential ? toConfidentialityResponse(d.confidential, access) : null,
      latestVersion: toVersionResponse(latest),
      versionCount: versions.length,
      createdBy: d.createdBy,
      createdAt: d.createdAt.toISOString(),
      version: d.version,
    };
  }
}

function toConfidentialityResponse(
  mark: ConfidentialityMark,
  access: Access,
): ConfidentialityResponse {
  const base = {
    active: isConfidentialOn(mark, access.today),
    scope: mark.scope,
    until: mark.until,
    imposedBySide: mark.imposedBySide,
    imposedAt: mark.imposedAt,
  };
  // Who is exempted or admitted is for the parties; an admitted expert sees what binds them.
  return maySeeConfidentialityParties(access.side)
    ? {
        ...base,
        imposedBy: mark.imposedBy,
        exemptedUserIds: [...mark.exemptedUserIds],
        allowedExpertIds: [...mark.allowedExpertIds],
      }
    : base;
}

function toVersionResponse(v: DocumentVersionEntity): DocumentVersionResponse {
  return {
    seq: v.seq,
    filename: v.filename,
    mediaType: v.mediaType,
    sizeBytes: v.sizeBytes,
    sha256: v.sha256,
    uploadedBy: v.uploadedBy,
    uploadedAt: v.uploadedAt.toISOString(),
  };
}

function versionFacts(v: DocumentVersionEntity): Record<string, unknown> {
  return {
    seq: v.seq,
    filename: v.filename,
    mediaType: v.mediaType,
    sizeBytes: v.sizeBytes,
    sha256: v.sha256,
  };
}

function markFacts(mark: ConfidentialityMark): Record<string, unknown> {
  return {
    scope: mark.scope,
    until: mark.until,
    exemptedUserIds: mark.exemptedUserIds,
    allowedExpertIds: mark.allowedExpertIds,
    imposedBySide: mark.imposedBySide,
  };
}

/** The people a secrecy mark names that the one before it did not, the actor aside. */
function newlyNamed(
  before: ConfidentialityMark | null,
  after: ConfidentialityMark,
  actorId: string,
): string[] {
  const known = new Set([
    ...(before?.allowedExpertIds ?? []),
    ...(before?.exemptedUserIds ?? []),
    actorId,
  ]);
  return [...new Set([...after.allowedExpertIds, ...after.exemptedUserIds])].filter(
    (id) => !known.has(id),
  );
}
