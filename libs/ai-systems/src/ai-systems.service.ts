import { Inject, Injectable, Optional } from '@nestjs/common';

import { mayReadRegister } from '@wc/access';
import { type Actor, EMPLOYER_ROLES, hasRoleIn } from '@wc/auth';
import { Clock, Conflict, Forbidden, NotFound, VersionConflict } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, keysetPage, mapPage, type Page } from '@wc/pagination';

import { AiSystemChangeEntity } from './ai-system-change.entity';
import { AiSystemEntity, type AiSystemStatus } from './ai-system.entity';
import {
  AI_SYSTEM_CASE_GATES,
  type AiSystemCaseGates,
  type AiSystemCaseGateView,
} from './case-gates.port';
import type {
  AiSystemChangeResponse,
  AiSystemResponse,
  AiSystemUpdateResponse,
  CreateAiSystemDto,
  UpdateAiSystemDto,
} from './dto/ai-system.dto';
import { AI_SYSTEM_MATERIAL_CHANGE, type AiSystemMaterialChange } from './material-change.port';

/** Changes of these fields are a "wijziging" of the facility: screening starts again (legal-rules (c), P5). */
const MATERIAL_FIELDS = [
  'vendor',
  'modelName',
  'modelVersion',
  'purpose',
  'primaryPurpose',
  'decisions',
  'dataCategories',
  'monitoringCapability',
] as const;
const EDITABLE_FIELDS = [
  ...MATERIAL_FIELDS,
  'name',
  'affectedGroups',
  'affectedHeadcount',
  'goLiveDate',
  'status',
] as const;

@Injectable()
export class AiSystemsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    // Bound by @wc/cases' global module; absent (no case engine), no case holds a system back.
    @Optional() @Inject(AI_SYSTEM_CASE_GATES) private readonly caseGates?: AiSystemCaseGates,
    // Bound by @wc/evaluations (issue #19): a material change opens follow-up cases.
    @Optional()
    @Inject(AI_SYSTEM_MATERIAL_CHANGE)
    private readonly materialChange?: AiSystemMaterialChange,
  ) {}

  /** The whole register, by name: for the employer overview, which adds up every system. */
  async all(actor: Actor, organisationId: string): Promise<AiSystemResponse[]> {
    this.assertCanRead(actor, organisationId);
    const rows = await this.tx.manager.find(AiSystemEntity, {
      where: { organisationId },
      order: { name: 'ASC', id: 'ASC' },
    });
    return rows.map(toAiSystemResponse);
  }

  /** One page of the register, by name. */
  async list(
    actor: Actor,
    organisationId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<AiSystemResponse>> {
    this.assertCanRead(actor, organisationId);
    const page = await keysetPage(
      this.tx.manager
        .createQueryBuilder(AiSystemEntity, 's')
        .where('s.organisation_id = :organisationId', { organisationId }),
      query,
      { column: 'name', property: 'name', direction: 'ASC', type: 'text' },
    );
    return mapPage(page, toAiSystemResponse);
  }

  /**
   * The register's purpose class of these systems, for the union dashboard. Union officers cannot
   * read the employer's register, yet a dossier share shows them what a system is for: callers pass
   * only systems of cases `@wc/access` showed them with a 'dossier' share.
   */
  async primaryPurposes(aiSystemIds: readonly string[]): Promise<Map<string, string>> {
    if (aiSystemIds.length === 0) {
      return new Map();
    }
    const rows = await this.tx.query<{ id: string; primary_purpose: string }>(
      `SELECT id, primary_purpose FROM ai_system WHERE id = ANY($1)`,
      [[...new Set(aiSystemIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.primary_purpose]));
  }

  async get(actor: Actor, id: string): Promise<AiSystemResponse> {
    return toAiSystemResponse(await this.visible(actor, id));
  }

  async create(
    actor: Actor,
    organisationId: string,
    dto: CreateAiSystemDto,
  ): Promise<AiSystemResponse> {
    this.assertCanRead(actor, organisationId);
    this.assertEmployer(actor, organisationId);
    const entity = this.tx.manager.create(AiSystemEntity, { ...dto, organisationId });
    return toAiSystemResponse(await this.tx.manager.save(entity));
  }

  async update(actor: Actor, id: string, dto: UpdateAiSystemDto): Promise<AiSystemUpdateResponse> {
    return this.tx.run(async () => {
      const system = await this.visible(actor, id, true);
      this.assertEmployer(actor, system.organisationId);
      if (system.version !== dto.version) {
        throw new VersionConflict('ai_system', dto.version, system.version);
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of EDITABLE_FIELDS) {
        const to = dto[field];
        if (to !== undefined && JSON.stringify(to) !== JSON.stringify(system[field])) {
          changes[field] = { from: system[field], to };
          (system as unknown as Record<string, unknown>)[field] = to;
        }
      }
      const material = MATERIAL_FIELDS.some((f) => f in changes);
      if (changes.status) {
        await this.respectGates(
          actor,
          system,
          changes.status.from as AiSystemStatus,
          changes.status.to as AiSystemStatus,
        );
      }
      if (Object.keys(changes).length > 0) {
        await this.tx.manager.save(system);
        await this.tx.manager.save(
          this.tx.manager.create(AiSystemChangeEntity, {
            aiSystemId: id,
            changedBy: actor.userId,
            changedAt: this.clock.now(),
            changes,
            material,
          }),
        );
        if (material) {
          const fields = MATERIAL_FIELDS.filter((f) => f in changes);
          await this.announceMaterialChange(actor, system, Object.keys(changes));
          await this.materialChange?.changed(actor, system.id, fields);
        }
      }
      return { ...toAiSystemResponse(system), materialChange: material };
    });
  }

  /**
   * The register respects the go-live gate (issue #14): "live" is refused while any of the
   * system's cases has a closed gate. A use that starts anyway (a pilot: a pilot is use too [S23])
   * is accepted but is a fact the council hears about at once: one event per case whose gate is
   * closed, in the same transaction.
   */
  private async respectGates(
    actor: Actor,
    system: AiSystemEntity,
    from: AiSystemStatus,
    to: AiSystemStatus,
  ): Promise<void> {
    const goesLive = to === 'live' && from !== 'live';
    const useStarts = IN_USE.includes(to) && !IN_USE.includes(from);
    if (!this.caseGates || (!goesLive && !useStarts)) {
      return;
    }
    const closed = (await this.caseGates.gatesFor(system.id)).filter((g) => !g.open);
    if (closed.length === 0) {
      return;
    }
    if (goesLive) {
      throw new Conflict(
        'ai_system.go_live_blocked',
        'The go-live gate of a case for this system is closed.',
        { cases: closed.map(blockedCase) },
      );
    }
    await this.outbox.append(
      closed.map((g) => ({
        type: 'ai_system.use_started_gate_closed',
        caseId: g.caseId,
        organisationId: g.organisationId,
        worksCouncilId: g.worksCouncilId,
        payload: {
          aiSystemId: system.id,
          status: to,
          openConditions: g.openConditions.map((c) => c.key),
        },
      })),
      actor.userId,
    );
  }

  /** Issue #16: the councils of the system's cases hear of a material change, one event per case, in this transaction. */
  private async announceMaterialChange(
    actor: Actor,
    system: AiSystemEntity,
    fields: readonly string[],
  ): Promise<void> {
    const cases = (await this.caseGates?.gatesFor(system.id)) ?? [];
    await this.outbox.append(
      cases.map((g) => ({
        type: 'ai_system.changed_materially',
        caseId: g.caseId,
        organisationId: g.organisationId,
        worksCouncilId: g.worksCouncilId,
        payload: { aiSystemId: system.id, fields: [...fields] },
      })),
      actor.userId,
    );
  }

  /** One page of the system's change history, oldest first. */
  async changes(
    actor: Actor,
    id: string,
    query: CursorPageQueryDto,
  ): Promise<Page<AiSystemChangeResponse>> {
    await this.visible(actor, id);
    const page = await keysetPage(
      this.tx.manager
        .createQueryBuilder(AiSystemChangeEntity, 'ch')
        .where('ch.ai_system_id = :id', { id }),
      query,
      { column: 'changed_at', property: 'changedAt', direction: 'ASC' },
    );
    return mapPage(page, (r) => ({
      changedBy: r.changedBy,
      changedAt: r.changedAt.toISOString(),
      material: r.material,
      changes: r.changes,
    }));
  }

  /** For the case service: the register entry an actor may file a case for. */
  async requireVisible(actor: Actor, id: string): Promise<AiSystemResponse> {
    return toAiSystemResponse(await this.visible(actor, id));
  }

  private async visible(actor: Actor, id: string, lock = false): Promise<AiSystemEntity> {
    const system = await this.tx.manager.findOne(AiSystemEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!system || !mayReadRegister(actor, system.organisationId)) {
      throw new NotFound('ai_system');
    }
    return system;
  }

  private assertCanRead(actor: Actor, organisationId: string): void {
    if (!mayReadRegister(actor, organisationId)) {
      throw new NotFound('organisation');
    }
  }

  private assertEmployer(actor: Actor, organisationId: string): void {
    if (!hasRoleIn(actor, EMPLOYER_ROLES, { organisationId })) {
      throw new Forbidden(
        'ai_system.employer_only',
        'Only the employer side maintains the AI register.',
      );
    }
  }
}

/** Statuses in which staff work with the system. */
const IN_USE: readonly AiSystemStatus[] = ['pilot', 'live'];

function blockedCase(g: AiSystemCaseGateView): { caseId: string; openConditions: string[] } {
  return { caseId: g.caseId, openConditions: g.openConditions.map((c) => c.key) };
}

export function toAiSystemResponse(s: AiSystemEntity): AiSystemResponse {
  return {
    id: s.id,
    organisationId: s.organisationId,
    name: s.name,
    vendor: s.vendor,
    modelName: s.modelName,
    modelVersion: s.modelVersion,
    purpose: s.purpose,
    primaryPurpose: s.primaryPurpose,
    decisions: s.decisions,
    dataCategories: s.dataCategories,
    affectedGroups: s.affectedGroups,
    affectedHeadcount: s.affectedHeadcount,
    monitoringCapability: s.monitoringCapability,
    goLiveDate: s.goLiveDate,
    status: s.status,
    version: s.version,
    updatedAt: s.updatedAt.toISOString(),
  };
}
