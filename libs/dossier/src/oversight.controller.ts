import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';

import { OversightResponse, PutOversightDto } from './oversight.dto';
import { OversightService } from './oversight.service';

@ApiTags('dossier')
@ApiBearerAuth()
@Controller('cases/:caseId/oversight')
export class OversightController {
  constructor(private readonly oversight: OversightService) {}

  @Get()
  @RequirePermission(Permission.CaseRead)
  get(@CurrentActor() actor: Actor, @Param() { caseId }: CaseIdParams): Promise<OversightResponse> {
    return this.oversight.get(actor, caseId);
  }

  /** Creates (version 0) or replaces the arrangement; a stale version is refused with 409. */
  @Put()
  @RequirePermission(Permission.CaseFile)
  put(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: PutOversightDto,
  ): Promise<OversightResponse> {
    return this.oversight.put(actor, caseId, dto);
  }
}
