import { Inject, Injectable, Optional } from '@nestjs/common';

import { AccessService, seesDossier, type UnionScope } from '@wc/access';
import type { Actor } from '@wc/auth';
import { CouncilsService } from '@wc/councils';
import { Forbidden, NotFound } from '@wc/core';
import type { CaseEventFacts, EventPayload } from '@wc/contracts';
import { type DomainEventDraft, domainEvent } from '@wc/database';
import {
  DeadlinesService,
  type DeadlineScope,
  type DeadlineStart,
  type DeadlineView,
} from '@wc/deadlines';

import type { AiCaseEntity } from './ai-case.entity';
import { gateOfCase } from './case-gates.query';
import type { CaseTrackEntity } from './case-track.entity';
import { CaseRepository } from './case.repository';
import { amsterdamDay } from './domain';
import type {
  ActorSide,
  DomainEventDraft as TrackEventDraft,
  GoLiveGate,
  TrackKind,
  TrackSnapshot,
  TriageOutcome,
} from './domain';
import {
  CASE_DOSSIER_FACTS,
  type CaseDossierFacts,
  type CaseDossierFactsView,
} from './dossier-facts.port';

/** A case as the actor may see it: the row and the actor's side on it. */
export interface LoadedCase {
  aiCase: AiCaseEntity;
  side: ActorSide;
  /** For side 'union': what the union's share shows (issue #8). */
  unionScope: UnionScope | null;
}

/**
 * What one request knows of a case, read once and shared by the change and the response (issue
 * #13): the row, the tracks (kept current by whoever saves one), and memoised reads of what the
 * change does not alter (the council's settings, the dossier facts per triage outcome) or alters
 * only through this object (the deadlines: `applyDeadlines` forgets them).
 */
export class CaseState implements LoadedCase {
  private deadlineRead?: Promise<DeadlineView[]>;
  private councilRead?: Promise<Record<string, unknown>>;
  private readonly dossierReads = new Map<
    TriageOutcome,
    Promise<CaseDossierFactsView | undefined>
  >();
  private readonly pending: DomainEventDraft[] = [];

  constructor(
    readonly aiCase: AiCaseEntity,
    readonly side: ActorSide,
    readonly unionScope: UnionScope | null,
    readonly tracks: CaseTrackEntity[],
    private readonly sources: {
      cases: CaseRepository;
      deadlines: DeadlinesService;
      councils: CouncilsService;
      dossier?: CaseDossierFacts;
    },
  ) {}

  /**
   * A case event, stamped with the case's version and status as they are now; the mutation
   * appends every event of the request to the outbox at once, in order.
   */
  emit<T extends keyof CaseEventFacts>(type: T, facts: CaseEventFacts[T]): void {
    const state = {
      version: this.aiCase.version,
      status: this.aiCase.status,
      committeeId: this.aiCase.committeeId,
    };
    this.pending.push(domainEvent(type, { ...facts, ...state } as EventPayload<T>, this.scope()));
  }

  /** The stage machine's events of one track, tagged with the track. */
  emitTrackEvents(events: readonly TrackEventDraft[], kind: TrackKind): void {
    this.pending.push(
      ...events.map((e) => domainEvent(e.type, { ...e.payload, track: kind }, this.scope())),
    );
  }

  /** The events emitted so far, handed over once (for the outbox). */
  takeEvents(): DomainEventDraft[] {
    return this.pending.splice(0);
  }

  private scope() {
    return {
      caseId: this.aiCase.id,
      organisationId: this.aiCase.organisationId,
      worksCouncilId: this.aiCase.worksCouncilId,
    };
  }

  snapshots(): TrackSnapshot[] {
    return this.tracks.map((t) => t.snapshot);
  }

  track(kind: TrackKind): CaseTrackEntity | undefined {
    return this.tracks.find((t) => t.kind === kind);
  }

  deadlines(): Promise<DeadlineView[]> {
    this.deadlineRead ??= this.sources.deadlines.listForCase(this.aiCase.id);
    return this.deadlineRead;
  }

  /** Starts and meets deadlines of this case; the next `deadlines()` reads them again. */
  async applyDeadlines(
    starts: readonly DeadlineStart[],
    met: ReadonlyArray<{ track: string | null; ruleId: string }> = [],
  ): Promise<void> {
    // Meeting a term needs no settings; starting one reads the council's agreed terms.
    const councilSettings = starts.length > 0 ? await this.councilSettings() : {};
    const scope: DeadlineScope = {
      caseId: this.aiCase.id,
      organisationId: this.aiCase.organisationId,
      worksCouncilId: this.aiCase.worksCouncilId,
      councilSettings,
    };
    this.deadlineRead = undefined;
    await this.sources.deadlines.apply(scope, starts, met);
  }

  /**
   * Stops or restarts the case's agreed clocks from its information requests (legal-rules (d)2):
   * after asking, answering, or starting a term that may start stopped.
   */
  async syncInformationClocks(today: string): Promise<void> {
    const periods = (await this.sources.cases.informationRequests(this.aiCase.id)).map((r) => ({
      from: amsterdamDay(r.askedAt),
      to: r.answeredAt ? amsterdamDay(r.answeredAt) : null,
    }));
    if (periods.length === 0) {
      return; // no request ever asked: no clock has stood still
    }
    this.deadlineRead = undefined;
    await this.sources.deadlines.syncStoppedClocks(this.aiCase.id, periods, today);
  }

  async cancelAllDeadlines(): Promise<void> {
    this.deadlineRead = undefined;
    await this.sources.deadlines.cancelAllOfCase(this.aiCase.id);
  }

  /** The competent council's settings (agreed terms), read once per request. */
  councilSettings(): Promise<Record<string, unknown>> {
    this.councilRead ??= this.sources.councils
      .councilFacts(this.aiCase.worksCouncilId)
      .then((council) => council?.settings ?? {});
    return this.councilRead;
  }

  /** The dossier's facts for the triage in force; read again only when the triage changed. */
  dossier(): Promise<CaseDossierFactsView | undefined> {
    const outcome = this.aiCase.triage?.outcome;
    if (!outcome || !this.sources.dossier) {
      return Promise.resolve(undefined);
    }
    let read = this.dossierReads.get(outcome);
    if (!read) {
      read = this.sources.dossier.factsFor(this.aiCase.id, outcome);
      this.dossierReads.set(outcome, read);
    }
    return read;
  }

  /** The go-live gate as the case and its tracks stand now; null before the first triage. */
  async gate(): Promise<GoLiveGate | null> {
    return gateOfCase(this.aiCase, this.snapshots(), await this.dossier());
  }
}

/** Reads a case for a request: visibility first (404), then what the request needs of it. */
@Injectable()
export class CaseReader {
  constructor(
    private readonly cases: CaseRepository,
    private readonly access: AccessService,
    private readonly deadlines: DeadlinesService,
    private readonly councils: CouncilsService,
    // Bound by @wc/dossier's global module; absent, the manual confirmation feeds the gate.
    @Optional() @Inject(CASE_DOSSIER_FACTS) private readonly dossier?: CaseDossierFacts,
  ) {}

  /** The case and the actor's side on it, or 404; `forUpdate` locks the row (SELECT … FOR UPDATE). */
  async load(actor: Actor, caseId: string, forUpdate: boolean): Promise<LoadedCase> {
    const aiCase = forUpdate ? await this.cases.getForUpdate(caseId) : await this.cases.get(caseId);
    const access = aiCase ? await this.access.caseOf(actor, aiCase) : null;
    if (!aiCase || !access) {
      throw new NotFound('case');
    }
    return { aiCase, side: access.side, unionScope: access.unionScope };
  }

  /** Parts of the dossier beyond status and deadlines: a union needs a 'dossier' share (issue #8). */
  async loadDossier(actor: Actor, caseId: string): Promise<LoadedCase> {
    const loaded = await this.load(actor, caseId, false);
    if (!seesDossier(loaded)) {
      throw new Forbidden(
        'case.not_shared',
        "Your union's share of this case covers its status and deadlines only.",
      );
    }
    return loaded;
  }

  /** The loaded case with its tracks, read once for the whole request. */
  async withTracks({ aiCase, side, unionScope }: LoadedCase): Promise<CaseState> {
    return this.stateOf({ aiCase, side, unionScope }, await this.cases.tracksOf(aiCase.id));
  }

  stateOf({ aiCase, side, unionScope }: LoadedCase, tracks: CaseTrackEntity[]): CaseState {
    return new CaseState(aiCase, side, unionScope, tracks, {
      cases: this.cases,
      deadlines: this.deadlines,
      councils: this.councils,
      ...(this.dossier ? { dossier: this.dossier } : {}),
    });
  }

  /** The actor's side on a case just created (no tracks yet). */
  async created(actor: Actor, aiCase: AiCaseEntity): Promise<CaseState> {
    const access = await this.access.caseOf(actor, aiCase);
    return this.stateOf(
      { aiCase, side: access?.side ?? 'employer', unionScope: access?.unionScope ?? null },
      [],
    );
  }
}
