import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { AiSystemIdParams } from '@wc/ai-systems';
import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { WorksCouncilIdParams } from '@wc/councils';
import { CursorPageQueryDto } from '@wc/pagination';

import { ComplaintsService } from './complaints.service';
import {
  AnswerComplaintDto,
  ComplaintContactResponse,
  ComplaintIdParams,
  ComplaintPage,
  ComplaintResponse,
  DesignateContactDto,
  ListComplaintsQueryDto,
  LogComplaintDto,
  SystemComplaintCountsPage,
} from './dto/complaint.dto';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller()
export class ComplaintsController {
  constructor(private readonly complaints: ComplaintsService) {}

  @Get('ai-systems/:aiSystemId/complaint-contact')
  @RequirePermission(Permission.AiSystemWrite)
  contact(
    @CurrentActor() actor: Actor,
    @Param() { aiSystemId }: AiSystemIdParams,
  ): Promise<ComplaintContactResponse> {
    return this.complaints.contact(actor, aiSystemId);
  }

  @Put('ai-systems/:aiSystemId/complaint-contact')
  @RequirePermission(Permission.AiSystemWrite)
  designate(
    @CurrentActor() actor: Actor,
    @Param() { aiSystemId }: AiSystemIdParams,
    @Body() dto: DesignateContactDto,
  ): Promise<ComplaintContactResponse> {
    return this.complaints.designate(actor, aiSystemId, dto.userId);
  }

  @Get('ai-systems/:aiSystemId/complaints')
  @RequirePermission(Permission.AiSystemWrite)
  list(
    @CurrentActor() actor: Actor,
    @Param() { aiSystemId }: AiSystemIdParams,
    @Query() query: ListComplaintsQueryDto,
  ): Promise<ComplaintPage> {
    return this.complaints.list(actor, aiSystemId, query);
  }

  @Post('ai-systems/:aiSystemId/complaints')
  @RequirePermission(Permission.AiSystemWrite)
  log(
    @CurrentActor() actor: Actor,
    @Param() { aiSystemId }: AiSystemIdParams,
    @Body() dto: LogComplaintDto,
  ): Promise<ComplaintResponse> {
    return this.complaints.log(actor, aiSystemId, dto);
  }

  @Patch('complaints/:complaintId')
  @RequirePermission(Permission.AiSystemWrite)
  answer(
    @CurrentActor() actor: Actor,
    @Param() { complaintId }: ComplaintIdParams,
    @Body() dto: AnswerComplaintDto,
  ): Promise<ComplaintResponse> {
    return this.complaints.answer(actor, complaintId, dto);
  }

  @Get('works-councils/:worksCouncilId/complaint-counts')
  @RequirePermission(Permission.CouncilRead)
  counts(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() query: CursorPageQueryDto,
  ): Promise<SystemComplaintCountsPage> {
    return this.complaints.countsForCouncil(actor, worksCouncilId, query);
  }
}
