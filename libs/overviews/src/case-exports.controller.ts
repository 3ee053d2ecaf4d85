import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';

import { CaseExportsService } from './case-exports.service';
import { CasesCsvQueryDto } from './dto/overviews.dto';

/** CSV twins of case routes, for spreadsheets; the same permission and policy as the JSON route. */
@ApiTags('exports')
@ApiBearerAuth()
@ApiProduces('text/csv')
@ApiOkResponse({ schema: { type: 'string' } })
@Controller()
export class CaseExportsController {
  constructor(private readonly exports: CaseExportsService) {}

  @Get('cases.csv')
  @RequirePermission(Permission.CaseRead)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="cases.csv"')
  @Header('Cache-Control', 'no-store')
  cases(@CurrentActor() actor: Actor, @Query() query: CasesCsvQueryDto): Promise<string> {
    return this.exports.casesCsv(actor, query);
  }

  @Get('cases/:caseId/deadlines.csv')
  @RequirePermission(Permission.CaseRead)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="case-deadlines.csv"')
  @Header('Cache-Control', 'no-store')
  deadlines(@CurrentActor() actor: Actor, @Param() { caseId }: CaseIdParams): Promise<string> {
    return this.exports.deadlinesCsv(actor, caseId);
  }

  @Get('cases/:caseId/audit.csv')
  @RequirePermission(Permission.AuditRead)
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="case-audit.csv"')
  @Header('Cache-Control', 'no-store')
  audit(@CurrentActor() actor: Actor, @Param() { caseId }: CaseIdParams): Promise<string> {
    return this.exports.auditCsv(actor, caseId);
  }
}
