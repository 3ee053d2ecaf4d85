import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, type Page, PageResponseOf } from '@wc/pagination';

import {
  AnswerLetterDto,
  CorrectReceiptDto,
  CreateLetterDto,
  LetterDiffQueryDto,
  LetterDiffResponse,
  LetterFormatQueryDto,
  LetterIdParams,
  LetterPage,
  LetterResponse,
  type LetterSummaryResponse,
  LetterVerificationQueryDto,
  LetterVerificationResponse,
  LetterVersionDto,
  LetterVersionResponse,
  ListLettersQueryDto,
  RecordReceiptDto,
  SendLetterDto,
  UpdateLetterDto,
} from './letter.dto';
import { LettersService } from './letters.service';

/** One page of a letter's versions. */
export class LetterVersionPage extends PageResponseOf(LetterVersionResponse) {}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Formal letters of a case (issue #22). Each party drafts its own letters (the other side's
 * drafts are 404); the council's chair or secretary, or the employer's HR manager or
 * representative, signs off and sends; the receiving party's opening or acknowledgement dates
 * the receipt, which starts the term.
 */
@ApiTags('letters')
@ApiBearerAuth()
@Controller('cases/:caseId/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @RequirePermission(Permission.CaseRead)
  async list(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() query: ListLettersQueryDto,
  ): Promise<LetterPage> {
    const page: Page<LetterSummaryResponse> = await this.letters.list(actor, caseId, query);
    return page;
  }

  @Post()
  @RequirePermission(Permission.CaseParticipate)
  create(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: CreateLetterDto,
  ): Promise<LetterResponse> {
    return this.letters.create(actor, caseId, dto);
  }

  /** The receiving party's first opening of a letter sent in the platform records its receipt. */
  @Get(':letterId')
  @RequirePermission(Permission.CaseRead)
  get(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
  ): Promise<LetterResponse> {
    return this.letters.get(actor, caseId, letterId);
  }

  /** A new version of a draft: the author's text, and the structured part composed from the case again. */
  @Put(':letterId')
  @RequirePermission(Permission.CaseParticipate)
  update(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Body() dto: UpdateLetterDto,
  ): Promise<LetterResponse> {
    return this.letters.update(actor, caseId, letterId, dto);
  }

  @Get(':letterId/versions')
  @RequirePermission(Permission.CaseRead)
  versions(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Query() query: CursorPageQueryDto,
  ): Promise<LetterVersionPage> {
    return this.letters.versions(actor, caseId, letterId, query);
  }

  @Get(':letterId/diff')
  @RequirePermission(Permission.CaseRead)
  diff(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Query() { from, to }: LetterDiffQueryDto,
  ): Promise<LetterDiffResponse> {
    return this.letters.diff(actor, caseId, letterId, from, to);
  }

  /** The council's chair or secretary, or the employer's HR manager or representative. */
  @Post(':letterId/sign-off')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  signOff(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Body() { version }: LetterVersionDto,
  ): Promise<LetterResponse> {
    return this.letters.signOff(actor, caseId, letterId, version);
  }

  @Post(':letterId/sending')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  send(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Body() dto: SendLetterDto,
  ): Promise<LetterResponse> {
    return this.letters.send(actor, caseId, letterId, dto);
  }

  /** The receiving party: an acknowledgement (no date), or the day a letter delivered outside reached it. */
  @Post(':letterId/receipt')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  recordReceipt(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Body() dto: RecordReceiptDto,
  ): Promise<LetterResponse> {
    return this.letters.recordReceipt(actor, caseId, letterId, dto);
  }

  /** The receiving party's authorised role corrects the day it actually received the letter. */
  @Post(':letterId/receipt-correction')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  correctReceipt(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Body() dto: CorrectReceiptDto,
  ): Promise<LetterResponse> {
    return this.letters.correctReceipt(actor, caseId, letterId, dto);
  }

  /** The recipient's written answer to an initiative proposal or a cost notice. */
  @Post(':letterId/answer')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  answer(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Body() dto: AnswerLetterDto,
  ): Promise<LetterResponse> {
    return this.letters.answer(actor, caseId, letterId, dto);
  }

  @Get(':letterId/pdf')
  @RequirePermission(Permission.CaseRead)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Query() { language }: LetterFormatQueryDto,
  ): Promise<StreamableFile> {
    const { buffer, filename } = await this.letters.pdf(actor, caseId, letterId, language);
    return new StreamableFile(buffer, {
      type: 'application/pdf',
      disposition: `attachment; filename="${filename}"`,
      length: buffer.length,
    });
  }

  @Get(':letterId/docx')
  @RequirePermission(Permission.CaseRead)
  @ApiProduces(DOCX)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async docx(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Query() { language }: LetterFormatQueryDto,
  ): Promise<StreamableFile> {
    const { buffer, filename } = await this.letters.docx(actor, caseId, letterId, language);
    return new StreamableFile(buffer, {
      type: DOCX,
      disposition: `attachment; filename="${filename}"`,
      length: buffer.length,
    });
  }

  /** The verification link printed in a letter's PDF: 404 for anyone who may not read the case's audit trail. */
  @Get(':letterId/verification')
  @RequirePermission(Permission.AuditRead)
  verification(
    @CurrentActor() actor: Actor,
    @Param() { caseId, letterId }: LetterIdParams,
    @Query() query: LetterVerificationQueryDto,
  ): Promise<LetterVerificationResponse> {
    return this.letters.verification(actor, caseId, letterId, query);
  }
}
