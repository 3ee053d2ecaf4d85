import { Injectable } from '@nestjs/common';

import { type Actor, EMPLOYER_ROLES, hasRoleIn, Role } from '@wc/auth';
import { Clock, Forbidden, NotFound, VersionConflict } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { AiSystemChangeEntity } from './ai-system-change.entity';
import { AiSystemEntity } from './ai-system.entity';
import type { AiSystemChangeResponse, AiSystemResponse, AiSystemUpdateResponse, CreateAiSystemDto, UpdateAiSystemDto } from './dto/ai-system.dto';

/** Changes of these fields are a "wijziging" of the facility: screening starts again (legal-rules (c), P5). */
const MATERIAL_FIELDS = ['vendor', 'modelName', 'modelVersion', 'purpose', 'primaryPurpose', 'decisions', 'dataCategories', 'monitoringCapability'] as const;
const EDITABLE_FIELDS = [...MATERIAL_FIELDS, 'name', 'affectedGroups', 'affectedHeadcount', 'goLiveDate', 'status'] as const;

@Injectable()
export class AiSystemsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, organisationId: string): Promise<AiSystemResponse[]> {
    this.assertCanRead(actor, organisationId);
    const rows = await this.tx.manager.find(AiSystemEntity, { where: { organisationId }, order: { name: 'ASC' } });
    return rows.map(toAiSystemResponse);
  }

  async get(actor: Actor, id: string): Promise<AiSystemResponse> {
    return toAiSystemResponse(await this.visible(actor, id));
  }

  async create(actor: Actor, organisationId: string, dto: CreateAiSystemDto): Promise<AiSystemResponse> {
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
      if (Object.keys(changes).length > 0) {
        await this.tx.manager.save(system);
        await this.tx.manager.save(this.tx.manager.create(AiSystemChangeEntity, { aiSystemId: id, changedBy: actor.userId, changedAt: this.clock.now(), changes, material }));
      }
      return { ...toAiSystemResponse(system), materialChange: material };
    });
  }

  async changes(actor: Actor, id: string): Promise<AiSystemChangeResponse[]> {
    await this.visible(actor, id);
    const rows = await this.tx.manager.find(AiSystemChangeEntity, { where: { aiSystemId: id }, order: { changedAt: 'ASC' } });
    return rows.map((r) => ({ changedBy: r.changedBy, changedAt: r.changedAt.toISOString(), material: r.material, changes: r.changes }));
  }

  /** For the case service: the register entry an actor may file a case for. */
  async requireVisible(actor: Actor, id: string): Promise<AiSystemResponse> {
    return toAiSystemResponse(await this.visible(actor, id));
  }

  private async visible(actor: Actor, id: string, lock = false): Promise<AiSystemEntity> {
    const system = await this.tx.manager.findOne(AiSystemEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!system || !canRead(actor, system.organisationId)) {
      throw new NotFound('ai_system');
    }
    return system;
  }

  private assertCanRead(actor: Actor, organisationId: string): void {
    if (!canRead(actor, organisationId)) {
      throw new NotFound('organisation');
    }
  }

  private assertEmployer(actor: Actor, organisationId: string): void {
    if (!hasRoleIn(actor, EMPLOYER_ROLES, { organisationId })) {
      throw new Forbidden('ai_system.employer_only', 'Only the employer side maintains the AI register.');
    }
  }
}

/** The register is the employer's and its council's; union officers and experts see cases only. */
function canRead(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some((m) => m.organisationId === organisationId && m.role !== Role.UnionOfficer && m.role !== Role.ExternalExpert);
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
