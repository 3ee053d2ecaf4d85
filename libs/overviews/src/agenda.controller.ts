import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CursorPageQueryDto } from '@wc/pagination';

import { AgendaService } from './agenda.service';
import { PersonalAgendaResponse } from './dto/agenda.dto';

/** The signed-in person's agenda across every case they may see (issue #16). */
@ApiTags('overviews')
@ApiBearerAuth()
@Controller()
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get('me/agenda')
  @RequirePermission(Permission.CaseRead)
  get(
    @CurrentActor() actor: Actor,
    @Query() page: CursorPageQueryDto,
  ): Promise<PersonalAgendaResponse> {
    return this.agenda.agendaOf(actor, page);
  }
}
