import { Inject, Injectable } from '@nestjs/common';

import { AccessService, type ActorSide, mayReadAudit } from '@wc/access';
import { AuditService } from '@wc/audit';
import { type Actor, AuthService } from '@wc/auth';
import {
  type CaseResponse,
  CaseService,
  InformationRequestService,
  type ReceiptCorrectionAct,
  type TrackTransitionDto,
  TrackTransitionService,
} from '@wc/cases';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { CouncilsService } from '@wc/councils';
import {
  amsterdamDay,
  BadRequest,
  Clock,
  Conflict,
  DomainError,
  Forbidden,
  NotFound,
  Unprocessable,
  VersionConflict,
} from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';
import { councilTermSettings, DeadlinesService } from '@wc/deadlines';
import {
  type CursorPageQueryDto,
  decodeCursor,
  limitOf,
  type Page,
  pageFrom,
  pageOfSorted,
} from '@wc/pagination';

import {
  composeLetter,
  diffLines,
  LETTER_KIND_SPECS,
  letterFieldDefinitions,
  type LetterCaseFacts,
  type LetterFields,
  type LetterKind,
  type LetterLanguage,
  type LetterParty,
  type LetterRecord,
  type LetterStructured,
  type LetterTrack,
  missingFields,
  type NullityWindow,
  nullityWindow,
  otherParty,
  senderOf,
  versionLines,
} from './domain';
import type {
  AnswerLetterDto,
  CorrectReceiptDto,
  CreateLetterDto,
  LetterDiffResponse,
  LetterResponse,
  LetterSummaryResponse,
  LetterVerificationResponse,
  LetterVersionResponse,
  ListLettersQueryDto,
  RecordReceiptDto,
  SendLetterDto,
  UpdateLetterDto,
} from './letter.dto';
import { renderLetterDocx } from './letter-docx';
import type { LetterEntity, ReceiptRecord, TermEffect } from './letter.entity';
import { renderLetterPdf } from './letter-pdf';
import { LetterRepository } from './letter.repository';
import type { LetterVersionEntity } from './letter-version.entity';

/** The party an actor writes for on a case; experts and unions write no formal letters. */
function partyOf(side: ActorSide): LetterParty | null {
  if (side === 'employer') {
    return 'employer';
  }
  return side === 'council_board' || side === 'council_member' ? 'council' : null;
}

/** Who signs off and sends for a party: the chair or secretary; for the employer, its HR/representative. */
function mayAuthorise(side: ActorSide, party: LetterParty): boolean {
  return party === 'employer' ? side === 'employer' : side === 'council_board';
}

interface CursorKey {
  at: string;
  id: string;
}
const isCursorKey = (v: unknown): v is CursorKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as CursorKey).at === 'string' &&
  typeof (v as CursorKey).id === 'string' &&
  !Number.isNaN(Date.parse((v as CursorKey).at));

interface Reader {
  actor: Actor;
  side: ActorSide;
  party: LetterParty;
}

/**
 * Formal letters of a case (issue #22). A letter is drafted from the case (its structured part
 * is composed from the case's data each time it is saved), edited in versions, signed off by the
 * sending party's authorised role and sent. The receiving party's first opening, its
 * acknowledgement, or a date recorded for a delivery outside the platform is the receipt date,
 * and that date starts the term through the track's own action. Drafts exist only for their own
 * party: the other side gets 404 (B.19).
 */
@Injectable()
export class LettersService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly letters: LetterRepository,
    private readonly access: AccessService,
    private readonly cases: CaseService,
    private readonly tracks: TrackTransitionService,
    private readonly information: InformationRequestService,
    private readonly councils: CouncilsService,
    private readonly deadlines: DeadlinesService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    caseId: string,
    query: ListLettersQueryDto,
  ): Promise<Page<LetterSummaryResponse>> {
    const reader = await this.reader(actor, caseId);
    const limit = limitOf(query);
    const after = query.cursor ? decodeCursor(query.cursor, isCursorKey) : null;
    const rows = await this.letters.pageOfCase(caseId, reader.party, after, limit + 1);
    const latest = await this.letters.latestVersionsOf(rows.map((r) => r.id));
    return pageFrom(
      rows.map((r) => ({ r, v: latest.get(r.id) ?? null })),
      limit,
      ({ r }) => ({ at: r.createdAt.toISOString(), id: r.id }),
      ({ r, v }) => toSummary(r, v),
    );
  }

  async create(actor: Actor, caseId: string, dto: CreateLetterDto): Promise<LetterResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const reader = await this.reader(actor, caseId);
      const kind = dto.kind;
      const sender = senderOf(kind, reader.party);
      if (!sender) {
        throw new Forbidden('letter.wrong_side', 'The other party sends this kind of letter.', {
          kind,
          sender: LETTER_KIND_SPECS[kind].sender,
        });
      }
      const aiCase = await this.cases.get(actor, caseId);
      const track = trackFor(kind, dto.track, aiCase);
      const now = this.clock.now();
      const letter = await this.letters.save(
        this.letters.create({
          caseId,
          organisationId: aiCase.organisationId,
          worksCouncilId: aiCase.worksCouncilId,
          kind,
          track,
          senderSide: sender,
          language: dto.language ?? actor.language,
          status: 'draft',
          fields: stripUndefined({ ...(dto.fields ?? {}) }),
          createdBy: actor.userId,
          createdAt: now,
          receipt: [],
          termEffect: null,
          answer: null,
        }),
      );
      const version = await this.letters.addVersion({
        letterId: letter.id,
        seq: 1,
        body: dto.body ?? '',
        structured: await this.compose(letter, aiCase),
        createdBy: actor.userId,
        createdAt: now,
      });
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'letter.drafted',
        after: { letterId: letter.id, kind, track, sender, version: 1 },
      });
      return this.respond(reader, letter, version);
    });
  }

  /** A letter; the receiving party's first opening of a platform delivery records its receipt. */
  async get(actor: Actor, caseId: string, letterId: string): Promise<LetterResponse> {
    const reader = await this.reader(actor, caseId);
    const peek = await this.visible(reader, caseId, letterId);
    if (
      peek.status === 'sent' &&
      peek.delivery === 'platform' &&
      reader.party !== peek.senderSide
    ) {
      return this.receive(reader, caseId, letterId, undefined, 'opened');
    }
    return this.respond(reader, peek, await this.latest(peek));
  }

  async update(
    actor: Actor,
    caseId: string,
    letterId: string,
    dto: UpdateLetterDto,
  ): Promise<LetterResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const reader = await this.reader(actor, caseId);
      const letter = await this.forUpdate(reader, caseId, letterId, dto.version);
      if (letter.status !== 'draft' || letter.senderSide !== reader.party) {
        throw new Conflict('letter.not_editable', 'A signed or sent letter is no longer edited.', {
          status: letter.status,
        });
      }
      const previous = await this.latest(letter);
      if (dto.fields) {
        letter.fields = stripUndefined({ ...dto.fields });
      }
      if (dto.language) {
        letter.language = dto.language;
      }
      const saved = await this.letters.save(letter);
      const version = await this.letters.addVersion({
        letterId,
        seq: previous.seq + 1,
        body: dto.body ?? previous.body,
        structured: await this.compose(saved, await this.cases.get(actor, caseId)),
        createdBy: actor.userId,
        createdAt: this.clock.now(),
      });
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'letter.edited',
        before: { letterId, version: previous.seq },
        after: { letterId, version: version.seq },
      });
      return this.respond(reader, saved, version);
    });
  }

  /** One page of the letter's versions, oldest first (a letter has a handful of drafts). */
  async versions(
    actor: Actor,
    caseId: string,
    letterId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<LetterVersionResponse>> {
    const reader = await this.reader(actor, caseId);
    const letter = await this.visible(reader, caseId, letterId);
    // The other party sees what was sent, not the drafts before it.
    const all = await this.letters.versions(letterId);
    const shown =
      letter.senderSide === reader.party ? all : all.filter((v) => v.seq === letter.signedVersion);
    return pageOfSorted(shown.map(toVersionResponse), query, (v) => [v.seq]);
  }

  async diff(
    actor: Actor,
    caseId: string,
    letterId: string,
    from: number,
    to: number,
  ): Promise<LetterDiffResponse> {
    const reader = await this.reader(actor, caseId);
    const letter = await this.visible(reader, caseId, letterId);
    if (letter.senderSide !== reader.party) {
      throw new NotFound('letter_version');
    }
    const [a, b] = await Promise.all([
      this.letters.version(letterId, from),
      this.letters.version(letterId, to),
    ]);
    if (!a || !b) {
      throw new NotFound('letter_version');
    }
    return {
      from,
      to,
      lines: diffLines(versionLines(a.structured, a.body), versionLines(b.structured, b.body)),
    };
  }

  /** The sending party's authorised role signs the latest version, composed afresh from the case. */
  async signOff(
    actor: Actor,
    caseId: string,
    letterId: string,
    expectedVersion: number,
  ): Promise<LetterResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const reader = await this.reader(actor, caseId);
      const letter = await this.forUpdate(reader, caseId, letterId, expectedVersion);
      if (letter.status !== 'draft') {
        throw new Conflict('letter.not_editable', 'The letter is already signed off.', {
          status: letter.status,
        });
      }
      this.assertAuthorised(reader, letter);
      const missing = missingFields(letter.kind, letter.track, letter.fields);
      if (missing.length > 0) {
        throw new Unprocessable('letter.incomplete', 'The letter lacks what its kind requires.', {
          missing,
        });
      }
      const aiCase = await this.cases.get(actor, caseId);
      assertNullityInTime(letter, aiCase, amsterdamDay(this.clock.now()));
      let version = await this.latest(letter);
      // The case may have changed since the last edit: what is signed is what the case says now.
      const structured = await this.compose(letter, aiCase);
      if (canonical(structured) !== canonical(version.structured)) {
        version = await this.letters.addVersion({
          letterId,
          seq: version.seq + 1,
          body: version.body,
          structured,
          createdBy: actor.userId,
          createdAt: this.clock.now(),
        });
      }
      letter.status = 'signed';
      letter.signedVersion = version.seq;
      letter.signedBy = actor.userId;
      letter.signedAt = this.clock.now();
      const saved = await this.letters.save(letter);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'letter.signed',
        after: { letterId, kind: letter.kind, version: version.seq },
      });
      return this.respond(reader, saved, version);
    });
  }

  /**
   * Sends a signed letter: in the platform (the other party's inbox and e-mail), or records that
   * it went by other means; with `deliveredOn` the sender records the day it was delivered,
   * which starts the term until the receiving party corrects it.
   */
  async send(
    actor: Actor,
    caseId: string,
    letterId: string,
    dto: SendLetterDto,
  ): Promise<LetterResponse> {
    const sent = await this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const reader = await this.reader(actor, caseId);
      const letter = await this.forUpdate(reader, caseId, letterId, dto.version);
      if (letter.status !== 'signed') {
        throw new Conflict('letter.not_sendable', 'Only a signed-off letter, once, is sent.', {
          status: letter.status,
        });
      }
      this.assertAuthorised(reader, letter);
      if (dto.delivery === 'platform' && dto.deliveredOn !== undefined) {
        throw new BadRequest(
          'request.validation_failed',
          'A delivery in the platform is dated by its receipt.',
          {},
          [{ path: 'deliveredOn', message: 'only for a delivery outside the platform' }],
        );
      }
      // WOR 27(5): an invocation of nullity after its month is refused, not sent [W15]
      assertNullityInTime(
        letter,
        await this.cases.get(actor, caseId),
        dto.deliveredOn ?? amsterdamDay(this.clock.now()),
      );
      letter.status = 'sent';
      letter.sentAt = this.clock.now();
      letter.sentBy = actor.userId;
      letter.delivery = dto.delivery;
      const saved = await this.letters.save(letter);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'letter.sent',
        after: {
          letterId,
          kind: letter.kind,
          delivery: dto.delivery,
          version: letter.signedVersion,
        },
      });
      if (dto.delivery === 'platform') {
        const to = otherParty(letter.senderSide);
        await this.outbox.append(
          [
            domainEvent(
              to === 'council' ? 'letter.sent_to_council' : 'letter.sent_to_employer',
              { letterId, kind: letter.kind, version: saved.version },
              scopeOf(saved),
            ),
          ],
          actor.userId,
        );
      }
      return saved;
    });
    if (dto.delivery === 'outside' && dto.deliveredOn !== undefined) {
      const reader = await this.reader(actor, caseId);
      return this.receive(reader, caseId, letterId, dto.deliveredOn, 'outside');
    }
    return this.respond(await this.reader(actor, caseId), sent, await this.latest(sent));
  }

  /**
   * The receiving party records the receipt: an acknowledgement (today), or the day a letter
   * delivered outside the platform reached it.
   */
  async recordReceipt(
    actor: Actor,
    caseId: string,
    letterId: string,
    dto: RecordReceiptDto,
  ): Promise<LetterResponse> {
    const reader = await this.reader(actor, caseId);
    const letter = await this.visible(reader, caseId, letterId);
    if (letter.senderSide === reader.party) {
      throw new Forbidden('letter.not_recipient', 'The receiving party records the receipt.');
    }
    if (letter.status === 'received') {
      throw new Conflict(
        'letter.receipt_already_recorded',
        'The receipt is recorded; correct its date instead.',
        { receivedOn: letter.receivedOn },
      );
    }
    return this.receive(
      reader,
      caseId,
      letterId,
      dto.receivedOn,
      dto.receivedOn === undefined ? 'acknowledged' : 'outside',
    );
  }

  /**
   * The receiving party corrects the day it actually received the letter (the council, the day
   * the employer's decision reached it): the term runs from the corrected day; the audit trail
   * and the receipt record keep both.
   */
  async correctReceipt(
    actor: Actor,
    caseId: string,
    letterId: string,
    dto: CorrectReceiptDto,
  ): Promise<LetterResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const reader = await this.reader(actor, caseId);
      const letter = await this.forUpdate(reader, caseId, letterId, null);
      if (letter.senderSide === reader.party) {
        throw new Forbidden('letter.not_recipient', 'The receiving party corrects the receipt.');
      }
      if (!mayAuthorise(reader.side, reader.party)) {
        throw new Forbidden(
          'letter.sign_off_not_allowed',
          "The receiving party's chair or secretary (or the employer) corrects the receipt date.",
        );
      }
      if (letter.status !== 'received' || letter.receivedOn === null) {
        throw new Conflict('letter.receipt_not_recorded', 'No receipt is recorded yet.');
      }
      const today = amsterdamDay(this.clock.now());
      assertPastDay(dto.receivedOn, today);
      assertNotBeforeSending(letter, dto.receivedOn);
      const previous = letter.receivedOn;
      const act = correctionActOf(letter.kind);
      if (act && letter.track && letter.termEffect?.recorded) {
        // WOR 27(5): the corrected day must still fall in the month, or the council loses by a
        // correction the right it kept by its letter (B.19) [W15]
        assertNullityInTime(letter, await this.cases.get(actor, caseId), dto.receivedOn);
        // The track's day moves with the receipt: the terms it started, the go-live item it met.
        await this.tracks.correctReceipt(actor, caseId, letter.track, act, dto.receivedOn);
      }
      if (letter.kind === 'initiative_proposal' && letter.termEffect?.recorded && !letter.answer) {
        // The internal answer term runs again from the day the proposal actually arrived.
        letter.termEffect = {
          ...letter.termEffect,
          dueDate: await this.startInitiativeTerm(letter, dto.receivedOn),
        };
      }
      letter.receivedOn = dto.receivedOn;
      letter.receipt = [...letter.receipt, this.receiptRecord(reader, dto.receivedOn, 'corrected')];
      const saved = await this.letters.save(letter);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'letter.receipt_corrected',
        before: { letterId, receivedOn: previous },
        after: { letterId, receivedOn: dto.receivedOn, side: reader.party },
      });
      await this.outbox.append(
        [
          domainEvent(
            'letter.receipt_corrected',
            { letterId, kind: letter.kind, version: saved.version, receivedOn: dto.receivedOn },
            scopeOf(saved),
          ),
        ],
        actor.userId,
      );
      return this.respond(reader, saved, await this.latest(saved));
    });
  }

  /**
   * The recipient's written answer to a letter that owes one outside any track: the employer's
   * reasoned answer to an initiative proposal (WOR art. 23(3), which meets the internal answer
   * term) or to a cost notice (WOR art. 22(2), no term). Given once, by the receiving party's
   * authorised role.
   */
  async answer(
    actor: Actor,
    caseId: string,
    letterId: string,
    dto: AnswerLetterDto,
  ): Promise<LetterResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const reader = await this.reader(actor, caseId);
      const letter = await this.forUpdate(reader, caseId, letterId, dto.version);
      if (letter.senderSide === reader.party) {
        throw new Forbidden('letter.not_recipient', 'The receiving party answers the letter.');
      }
      if (!mayAuthorise(reader.side, reader.party)) {
        throw new Forbidden(
          'letter.sign_off_not_allowed',
          "The receiving party's chair or secretary (or the employer) answers the letter.",
        );
      }
      if (!LETTER_KIND_SPECS[letter.kind].answerOwed) {
        throw new Conflict(
          'letter.no_answer_owed',
          "This letter's receipt takes the step on the case; no answer is recorded on it.",
          { kind: letter.kind },
        );
      }
      if (letter.status !== 'received') {
        throw new Conflict('letter.receipt_not_recorded', 'Record the receipt before the answer.');
      }
      if (letter.answer) {
        throw new Conflict('letter.already_answered', 'This letter has already been answered.', {
          on: letter.answer.on,
        });
      }
      const now = this.clock.now();
      letter.answer = {
        text: dto.answer,
        on: amsterdamDay(now),
        userId: actor.userId,
        at: now.toISOString(),
      };
      if (letter.kind === 'initiative_proposal') {
        await this.deadlines.apply(
          {
            caseId,
            organisationId: letter.organisationId,
            worksCouncilId: letter.worksCouncilId,
            councilSettings: {},
          },
          [],
          [{ track: `letter:${letter.id}`, ruleId: 'initiative_response_term' }],
        );
      }
      const saved = await this.letters.save(letter);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'letter.answered',
        after: { letterId, kind: letter.kind, on: letter.answer.on, side: reader.party },
      });
      // The sender side waits on the answer: the relays tell it and refresh its screens.
      await this.outbox.append(
        [
          domainEvent(
            'letter.answered',
            { letterId, kind: letter.kind, version: saved.version, answeredOn: letter.answer.on },
            scopeOf(saved),
          ),
        ],
        actor.userId,
      );
      return this.respond(reader, saved, await this.latest(saved));
    });
  }

  async pdf(
    actor: Actor,
    caseId: string,
    letterId: string,
    language?: LetterLanguage,
  ): Promise<{ buffer: Buffer; filename: string }> {
    const record = await this.record(actor, caseId, letterId, language);
    return {
      buffer: await renderLetterPdf(record),
      filename: `${record.structured.caseReference}-${letterId.slice(0, 8)}.pdf`,
    };
  }

  async docx(
    actor: Actor,
    caseId: string,
    letterId: string,
    language?: LetterLanguage,
  ): Promise<{ buffer: Buffer; filename: string }> {
    const record = await this.record(actor, caseId, letterId, language);
    return {
      buffer: await renderLetterDocx(record),
      filename: `${record.structured.caseReference}-${letterId.slice(0, 8)}.docx`,
    };
  }

  /**
   * The link a PDF prints: the case's audit verification for whoever may read the case's audit
   * trail; for anyone else the letter does not exist (404), whatever they pass.
   */
  async verification(
    actor: Actor,
    caseId: string,
    letterId: string,
    head: { seq?: number; hash?: string },
  ): Promise<LetterVerificationResponse> {
    const access = (await this.access.cases(actor, [caseId])).get(caseId);
    if (!access || !mayReadAudit(access.side)) {
      throw new NotFound('letter');
    }
    const reader = await this.reader(actor, caseId);
    await this.visible(reader, caseId, letterId);
    const verdict = await this.audit.verify(caseId);
    let headFound: boolean | null = null;
    if (head.seq !== undefined && head.hash !== undefined) {
      const [entry] = await this.audit.list(caseId, head.seq - 1, 1);
      headFound = entry?.seq === head.seq && entry.hash === head.hash;
    }
    const entries = await this.audit.list(caseId, 0, 10_000);
    return {
      caseId,
      letterId,
      caseReference: `OVL-${caseId.slice(0, 8).toUpperCase()}`,
      valid: verdict.valid,
      entries: verdict.entries,
      firstInvalidSeq: verdict.firstInvalidSeq,
      headFound,
      letterEntries: entries
        .filter(
          (e) =>
            e.action.startsWith('letter.') &&
            (e.after as { letterId?: string } | null)?.letterId === letterId,
        )
        .map((e) => e.seq),
    };
  }

  /** The letters that left their sender, as rendered blocks, for the dossier PDF. */
  async dossierLetters(actor: Actor, caseId: string, language: LetterLanguage) {
    const reader = await this.readerOrNull(actor, caseId);
    if (!reader) {
      return [];
    }
    const rows = await this.letters.sentOfCase(caseId);
    const shown = await this.letters.shownVersionsOf(rows);
    return rows.map((letter) => {
      const version = shown.get(letter.id);
      if (!version) {
        throw new NotFound('letter_version');
      }
      return {
        subject: version.structured.subject,
        sentAt: letter.sentAt ? amsterdamDay(letter.sentAt) : null,
        delivery: letter.delivery,
        receivedOn: letter.receivedOn,
        receipt: letter.receipt.map((r) => ({ on: r.on, via: r.via, side: r.side })),
        language,
      };
    });
  }

  // --- receipt -------------------------------------------------------------------------------

  /**
   * Records the receipt and, for a letter whose kind carries a track action, that action with the
   * receipt date, so the term engine counts from the receipt and not from a typed date.
   */
  private async receive(
    reader: Reader,
    caseId: string,
    letterId: string,
    claimed: string | undefined,
    via: ReceiptRecord['via'],
  ): Promise<LetterResponse> {
    return this.tx.run(async () => {
      await this.access.lockCases([caseId]);
      const letter = await this.forUpdate(reader, caseId, letterId, null);
      if (letter.status === 'received') {
        return this.respond(reader, letter, await this.latest(letter));
      }
      if (letter.status !== 'sent') {
        throw new Conflict('letter.not_sendable', 'The letter has not been sent.', {
          status: letter.status,
        });
      }
      const today = amsterdamDay(this.clock.now());
      const receivedOn = claimed ?? today;
      assertPastDay(receivedOn, today);
      if (via !== 'outside') {
        assertNotBeforeSending(letter, receivedOn);
      }
      letter.status = 'received';
      letter.receivedOn = receivedOn;
      letter.receipt = [...letter.receipt, this.receiptRecord(reader, receivedOn, via)];
      letter.termEffect = await this.startTerm(reader, letter, receivedOn);
      const saved = await this.letters.save(letter);
      await this.audit.record({
        caseId,
        actorId: reader.actor.userId,
        action: 'letter.received',
        after: {
          letterId,
          kind: letter.kind,
          receivedOn,
          via,
          side: reader.party,
          termEffect: letter.termEffect,
        },
      });
      await this.outbox.append(
        [
          domainEvent(
            'letter.received',
            { letterId, kind: letter.kind, version: saved.version, receivedOn },
            scopeOf(saved),
          ),
        ],
        reader.actor.userId,
      );
      return this.respond(reader, saved, await this.latest(saved));
    });
  }

  /**
   * The letter's track action, taken for the sending party (its signer, or the sender recording
   * an outside delivery) with the receipt date. A step the track does not allow (yet) does not
   * undo the receipt: it is kept on the letter, and the savepoint keeps the case untouched.
   */
  private async startTerm(
    reader: Reader,
    letter: LetterEntity,
    receivedOn: string,
  ): Promise<TermEffect> {
    const { action, effect } = LETTER_KIND_SPECS[letter.kind];
    const actingActor =
      reader.party === letter.senderSide
        ? reader.actor
        : await this.auth.actorFor(letter.signedBy ?? letter.createdBy);
    if (!actingActor) {
      return { recorded: false, action, effect, code: 'letter.not_sender' };
    }
    const f = letter.fields;
    const caseId = letter.caseId;
    const received = (kind: LetterTrack, act: Record<string, unknown> & { type: string }) =>
      this.tracks.transitionReceived(actingActor, caseId, kind, act, receivedOn);
    let extra: Partial<TermEffect> = {};
    await this.tx.query('SAVEPOINT letter_term');
    try {
      switch (action) {
        case 'information_request':
          await this.information.ask(
            actingActor,
            caseId,
            { question: f.question ?? '' },
            receivedOn,
          );
          break;
        case 'submit_request':
          await received(letter.track!, { type: 'submit_request' });
          break;
        case 'request_consultation':
          await received(letter.track!, { type: 'request_consultation', reasons: f.reasons ?? '' });
          break;
        case 'record_council_position':
          await received(
            letter.track!,
            stripUndefined({
              type: 'record_council_position',
              position: f.position,
              conditions: f.conditions ? [...f.conditions] : undefined,
              reasons: f.reasons,
              waivesSuspension: f.waivesSuspension,
            }),
          );
          break;
        case 'record_employer_decision':
          await received(
            letter.track!,
            stripUndefined({
              type: 'record_employer_decision',
              follows: f.follows ?? false,
              reasons: f.reasons,
              implementationDate: f.implementationDate,
            }),
          );
          break;
        case 'invoke_nullity': {
          // A start only the letter knows (the day the council saw implementation) goes on the
          // track first, so the case shows where the month ran from [W15].
          const aiCase = await this.cases.get(actingActor, caseId);
          const window = nullityOf(aiCase, f);
          if (window.open && window.from === 'learned') {
            await this.tracks.transition(actingActor, caseId, 'consent', {
              version: aiCase.version,
              action: { type: 'record_decision_without_consent', learnedOn: window.startsOn },
            } as unknown as TrackTransitionDto);
          }
          await received('consent', { type: 'invoke_nullity' });
          break;
        }
        case 'send_notice': {
          // AI Act 26(7): the receipt is the information before use; it meets the gate's item
          // and starts no term [E4].
          const aiCase = await this.cases.get(actingActor, caseId);
          if (aiCase.tracks.find((x) => x.kind === 'ai_act')?.stage === 'classification') {
            await received('ai_act', { type: 'prepare_notice' });
          }
          await received('ai_act', {
            type: 'send_notice',
            recipients: ['workers_representatives', 'affected_workers'],
          });
          extra = { gateItem: 'ai_act_notice_sent' };
          break;
        }
        case 'initiative_response':
          extra = {
            ruleId: 'initiative_response_term',
            dueDate: await this.startInitiativeTerm(letter, receivedOn),
            statutory: false,
            duty: 'employer_answer',
          };
          break;
        case 'cost_notice_received':
          // WOR 22(2) sets no term: the receipt proves the notice came first; the employer owes
          // an answer (an objection, if any) without a legal term [W17].
          extra = { duty: 'employer_answer' };
          break;
      }
      await this.tx.query('RELEASE SAVEPOINT letter_term');
      return { recorded: true, action, effect, ...extra };
    } catch (error) {
      if (!(error instanceof DomainError)) {
        throw error;
      }
      await this.tx.query('ROLLBACK TO SAVEPOINT letter_term');
      return { recorded: false, action, effect, code: error.code };
    }
  }

  /**
   * WOR 23(3): the employer answers "zo spoedig mogelijk"; Overleg's internal SLA
   * (`initiative_response_term`, not a legal term) runs from the receipt, on the letter's own
   * track so that two proposals keep two terms. Returns its last day.
   */
  private async startInitiativeTerm(letter: LetterEntity, from: string): Promise<string> {
    const council = await this.councils.councilFacts(letter.worksCouncilId);
    const track = `letter:${letter.id}`;
    await this.deadlines.apply(
      {
        caseId: letter.caseId,
        organisationId: letter.organisationId,
        worksCouncilId: letter.worksCouncilId,
        councilSettings: council?.settings ?? {},
      },
      [{ ruleId: 'initiative_response_term', track, triggerDate: from }],
      [],
    );
    const term = (await this.deadlines.listForCase(letter.caseId)).find(
      (d) => d.track === track && d.status === 'open',
    );
    return term!.strictDate;
  }

  private receiptRecord(reader: Reader, on: string, via: ReceiptRecord['via']): ReceiptRecord {
    return {
      on,
      via,
      side: reader.party,
      userId: reader.actor.userId,
      at: this.clock.now().toISOString(),
    };
  }

  // --- reading -------------------------------------------------------------------------------

  private async readerOrNull(actor: Actor, caseId: string): Promise<Reader | null> {
    const access = (await this.access.cases(actor, [caseId])).get(caseId);
    const party = access ? partyOf(access.side) : null;
    return access && party ? { actor, side: access.side, party } : null;
  }

  /** The reader's party on the case: 404 for an invisible case; experts and unions have none. */
  private async reader(actor: Actor, caseId: string): Promise<Reader> {
    const access = await this.access.requireCase(actor, caseId);
    const party = partyOf(access.side);
    if (!party) {
      throw new Forbidden(
        'letter.wrong_side',
        'Formal letters pass between the employer and the works council.',
      );
    }
    return { actor, side: access.side, party };
  }

  /** A letter the reader may see: its own party's, or one that left the other party; else 404. */
  private async visible(reader: Reader, caseId: string, letterId: string): Promise<LetterEntity> {
    const letter = await this.letters.get(caseId, letterId);
    if (!letter || !seenBy(letter, reader.party)) {
      throw new NotFound('letter');
    }
    return letter;
  }

  private async forUpdate(
    reader: Reader,
    caseId: string,
    letterId: string,
    expectedVersion: number | null,
  ): Promise<LetterEntity> {
    const letter = await this.letters.getForUpdate(caseId, letterId);
    if (!letter || !seenBy(letter, reader.party)) {
      throw new NotFound('letter');
    }
    if (expectedVersion !== null && letter.version !== expectedVersion) {
      throw new VersionConflict('letter', expectedVersion, letter.version);
    }
    return letter;
  }

  private assertAuthorised(reader: Reader, letter: LetterEntity): void {
    if (letter.senderSide !== reader.party) {
      throw new NotFound('letter');
    }
    if (!mayAuthorise(reader.side, letter.senderSide)) {
      throw new Forbidden(
        'letter.sign_off_not_allowed',
        letter.senderSide === 'council'
          ? "Only the council's chair or secretary signs off and sends the council's letters."
          : "Only the employer's HR manager or representative signs off and sends its letters.",
        { allowed: letter.senderSide === 'council' ? ['council_board'] : ['employer'] },
      );
    }
  }

  private async latest(letter: LetterEntity): Promise<LetterVersionEntity> {
    const version = await this.letters.latestVersion(letter.id);
    if (!version) {
      throw new NotFound('letter_version');
    }
    return version;
  }

  private async signedOrLatest(letter: LetterEntity): Promise<LetterVersionEntity> {
    const version = (await this.letters.shownVersionsOf([letter])).get(letter.id);
    if (!version) {
      throw new NotFound('letter_version');
    }
    return version;
  }

  private async compose(
    letter: LetterEntity,
    aiCase: CaseResponse,
    termsFrom?: string,
  ): Promise<LetterStructured> {
    const council = await this.councils.councilFacts(aiCase.worksCouncilId);
    const facts = caseFactsOf(
      aiCase,
      letter.track,
      councilTermSettings(council?.settings ?? {}),
      letter.kind === 'nullity_invocation' ? nullityOf(aiCase, letter.fields) : undefined,
    );
    return composeLetter({
      kind: letter.kind,
      track: letter.track,
      sender: letter.senderSide,
      language: letter.language,
      fields: letter.fields,
      facts,
      termsFrom: termsFrom ?? amsterdamDay(this.clock.now()),
      received: termsFrom !== undefined,
    });
  }

  /** The letter as it is shown or rendered: the signed version, its terms from the receipt date. */
  private async record(
    actor: Actor,
    caseId: string,
    letterId: string,
    language?: LetterLanguage,
  ): Promise<LetterRecord> {
    const reader = await this.reader(actor, caseId);
    const letter = await this.visible(reader, caseId, letterId);
    const version =
      letter.senderSide === reader.party
        ? await this.latest(letter)
        : await this.signedOrLatest(letter);
    let structured = version.structured;
    const lang = language ?? letter.language;
    if (lang !== letter.language || letter.receivedOn) {
      // Another language, or terms now counted from the actual receipt: composed again from the case.
      const aiCase = await this.cases.get(actor, caseId);
      structured = await this.compose(
        { ...letter, language: lang },
        aiCase,
        letter.receivedOn ?? undefined,
      );
    }
    const [head] = (await this.audit.verify(caseId)).valid ? await this.headOf(caseId) : [null];
    return {
      language: lang,
      structured,
      body: version.body,
      versionSeq: version.seq,
      dated: amsterdamDay(letter.signedAt ?? version.createdAt),
      signedBy: letter.signedBy ? await this.nameOf(caseId, letter.signedBy) : null,
      receivedOn: letter.receivedOn,
      receipt: letter.receipt.map((r) => ({ on: r.on, via: r.via, side: r.side })),
      auditHead: head,
      verificationUrl: this.verificationUrl(caseId, letterId, head),
    };
  }

  private async headOf(caseId: string): Promise<Array<{ seq: number; hash: string } | null>> {
    const entries = await this.audit.list(caseId, 0, 100_000);
    const last = entries[entries.length - 1];
    return [last ? { seq: last.seq, hash: last.hash } : null];
  }

  private verificationUrl(
    caseId: string,
    letterId: string,
    head: { seq: number; hash: string } | null,
  ): string {
    const base = this.config.app.publicUrl.replace(/\/+$/, '');
    const query = head ? `?seq=${head.seq}&hash=${head.hash}` : '';
    return `${base}/cases/${caseId}/letters/${letterId}/verification${query}`;
  }

  /** The signer's display name, as the case's viewers list it (the id if they left since). */
  private async nameOf(caseId: string, userId: string): Promise<string> {
    const viewers = await this.access.viewersOf(caseId);
    return viewers.find((v) => v.userId === userId)?.displayName ?? userId;
  }

  private respond(
    reader: Reader,
    letter: LetterEntity,
    version: LetterVersionEntity,
  ): LetterResponse {
    const own = letter.senderSide === reader.party;
    const authorised = mayAuthorise(reader.side, letter.senderSide);
    const actions: string[] = [];
    if (own && letter.status === 'draft') {
      actions.push('edit');
      if (authorised) {
        actions.push('sign_off');
      }
    }
    if (own && letter.status === 'signed' && authorised) {
      actions.push('send');
    }
    if (!own && letter.status === 'sent') {
      actions.push(letter.delivery === 'platform' ? 'acknowledge' : 'record_receipt');
    }
    if (!own && letter.status === 'received' && mayAuthorise(reader.side, reader.party)) {
      actions.push('correct_receipt');
      if (LETTER_KIND_SPECS[letter.kind].answerOwed && !letter.answer) {
        actions.push('answer');
      }
    }
    return {
      ...toSummary(letter, version),
      fields: {
        ...letter.fields,
        conditions: letter.fields.conditions ? [...letter.fields.conditions] : undefined,
      },
      body: version.body,
      versionSeq: version.seq,
      structured: version.structured as LetterResponse['structured'],
      missing: own ? missingFields(letter.kind, letter.track, letter.fields) : [],
      fieldDefinitions: own
        ? letterFieldDefinitions(letter.kind, letter.track).map((d) => ({
            ...d,
            options: d.options?.map((o) => ({ ...o })),
          }))
        : [],
      signedVersion: letter.signedVersion,
      signedBy: letter.signedBy,
      signedAt: letter.signedAt?.toISOString() ?? null,
      receipt: letter.receipt.map((r) => ({ ...r })),
      termEffect: letter.termEffect,
      answer: letter.answer ? { ...letter.answer } : null,
      allowedActions: actions,
    };
  }
}

function seenBy(letter: LetterEntity, party: LetterParty): boolean {
  return letter.senderSide === party || letter.status === 'sent' || letter.status === 'received';
}

function scopeOf(letter: LetterEntity) {
  return {
    caseId: letter.caseId,
    organisationId: letter.organisationId,
    worksCouncilId: letter.worksCouncilId,
  };
}

function toSummary(
  letter: LetterEntity,
  version: LetterVersionEntity | null,
): LetterSummaryResponse {
  return {
    id: letter.id,
    caseId: letter.caseId,
    kind: letter.kind,
    track: letter.track,
    senderSide: letter.senderSide,
    language: letter.language,
    status: letter.status,
    subject: version?.structured.subject ?? '',
    sentAt: letter.sentAt?.toISOString() ?? null,
    delivery: letter.delivery,
    receivedOn: letter.receivedOn,
    version: letter.version,
  };
}

function toVersionResponse(v: LetterVersionEntity): LetterVersionResponse {
  return {
    seq: v.seq,
    body: v.body,
    structured: v.structured as LetterVersionResponse['structured'],
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The track a kind belongs to: the one given, or the only one it can be. */
function trackFor(
  kind: LetterKind,
  given: LetterTrack | undefined,
  aiCase: CaseResponse,
): LetterTrack | null {
  const allowed = LETTER_KIND_SPECS[kind].tracks;
  if (allowed.length === 0) {
    return null;
  }
  const track = given ?? (allowed.length === 1 ? allowed[0] : undefined);
  if (!track || !allowed.includes(track) || !aiCase.tracks.some((t) => t.kind === track)) {
    throw new Unprocessable(
      'letter.track_required',
      'Name a track of the case this letter belongs to.',
      {
        allowed: allowed.filter((k) => aiCase.tracks.some((t) => t.kind === k)),
      },
    );
  }
  return track;
}

function caseFactsOf(
  aiCase: CaseResponse,
  track: LetterTrack | null,
  termSettings: LetterCaseFacts['termSettings'],
  nullity: NullityWindow | undefined,
): LetterCaseFacts {
  const snapshot = (aiCase.tracks.find((t) => t.kind === track)?.snapshot ?? {}) as {
    councilPosition?: LetterCaseFacts['councilPosition'];
    employerDecision?: LetterCaseFacts['employerDecision'];
  };
  return {
    caseId: aiCase.id,
    caseTitle: aiCase.title,
    contents: aiCase.contents,
    ...(snapshot.councilPosition ? { councilPosition: snapshot.councilPosition } : {}),
    ...(snapshot.employerDecision ? { employerDecision: snapshot.employerDecision } : {}),
    ...(nullity ? { nullity } : {}),
    termSettings,
  };
}

/**
 * The month of WOR 27(5) for this case: from the consent track's written decision, from the
 * nullity term the track started (the open one, else the last), or from the letter's `learnedOn`.
 */
function nullityOf(aiCase: CaseResponse, fields: LetterFields): NullityWindow {
  const consent = aiCase.tracks.find((x) => x.kind === 'consent');
  const terms = aiCase.deadlines.filter(
    (d) => d.track === 'consent' && d.ruleId === 'nullity_term',
  );
  const recorded = terms.find((d) => d.status === 'open') ?? terms[terms.length - 1];
  return nullityWindow(
    {
      snapshot: consent?.snapshot ?? {},
      ...(recorded ? { recordedStart: recorded.triggerDate } : {}),
    },
    fields.learnedOn,
  );
}

/**
 * WOR 27(5): nullity is invoked within one month, or the decision is unassailable [W15]. The
 * last day allowed is the one the Algemene termijnenwet may extend to: refusing a letter the
 * court may still accept would cost the council its right, (c) "Clock computation".
 */
function assertNullityInTime(letter: LetterEntity, aiCase: CaseResponse, day: string): void {
  if (letter.kind !== 'nullity_invocation') {
    return;
  }
  const learnedOn = letter.fields.learnedOn;
  if (learnedOn !== undefined && learnedOn > day) {
    throw new Unprocessable(
      'case.date_in_future',
      'The council cannot have found the decision implemented after this day.',
      { learnedOn },
      [{ path: 'fields.learnedOn', message: 'lies in the future' }],
    );
  }
  const window = nullityOf(aiCase, letter.fields);
  if (!window.open && window.reason === 'no_start_date') {
    throw new Unprocessable('letter.incomplete', 'The letter lacks what its kind requires.', {
      missing: ['learnedOn'],
    });
  }
  if (!window.open) {
    throw new Unprocessable(
      'letter.nullity_not_available',
      'The decision has consent or substitute permission: there is no nullity to invoke.',
    );
  }
  if (day < window.startsOn) {
    // Nothing to void yet: the month starts with the notice, or with the council seeing it applied.
    throw new Unprocessable(
      'case.date_before_event',
      'Nullity is invoked after the decision was communicated or seen implemented.',
      { event: 'nullity_term_start', eventDate: window.startsOn },
    );
  }
  if (day > window.extendedLastDay) {
    throw new Unprocessable(
      'letter.nullity_term_passed',
      'The month of WOR art. 27(5) has passed: the decision can no longer be voided.',
      {
        startsOn: window.startsOn,
        lastDay: window.lastDay,
        extendedLastDay: window.extendedLastDay,
      },
    );
  }
}

function correctionActOf(kind: LetterKind): ReceiptCorrectionAct | null {
  const { action } = LETTER_KIND_SPECS[kind];
  switch (action) {
    case 'submit_request':
    case 'record_council_position':
    case 'record_employer_decision':
    case 'send_notice':
    case 'invoke_nullity':
      return action;
    default:
      return null;
  }
}

/**
 * A letter sent in the platform is not received before it was sent; one delivered outside it
 * may have been (it is recorded as sent when the sender records it).
 */
function assertNotBeforeSending(letter: LetterEntity, receivedOn: string): void {
  if (letter.delivery === 'platform' && letter.sentAt && receivedOn < amsterdamDay(letter.sentAt)) {
    throw new Unprocessable(
      'case.date_before_event',
      'A letter is not received before it was sent.',
      {
        event: 'letter_sent',
        eventDate: amsterdamDay(letter.sentAt),
      },
    );
  }
}

function assertPastDay(day: string, today: string): void {
  if (day > today) {
    throw new Unprocessable('case.date_in_future', 'The receipt date lies in the future.', {
      receivedOn: day,
    });
  }
}

/** JSON with sorted keys: jsonb gives keys back in its own order, so plain JSON.stringify differs. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export type { LetterFields };
