import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';

import { ChecklistResponse, DossierPdfQueryDto } from './dossier.dto';
import { DossierService } from './dossier.service';

@ApiTags('dossier')
@ApiBearerAuth()
@Controller('cases/:caseId')
export class DossierController {
  constructor(private readonly dossier: DossierService) {}

  /** What the advice and consent requests still miss; the blocking items refuse `submit_request`. */
  @Get('checklist')
  @RequirePermission(Permission.CaseRead)
  checklist(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
  ): Promise<ChecklistResponse> {
    return this.dossier.checklist(actor, caseId);
  }

  /** The whole dossier as a readable PDF for council meetings. */
  @Get('dossier.pdf')
  @RequirePermission(Permission.CaseRead)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() { language }: DossierPdfQueryDto,
  ): Promise<StreamableFile> {
    const pdf = await this.dossier.pdf(actor, caseId, language);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: 'inline; filename="dossier.pdf"',
      length: pdf.length,
    });
  }
}
