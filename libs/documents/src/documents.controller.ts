import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';
import { pageOfSorted } from '@wc/pagination';

import {
  DocumentUploadInterceptor,
  RequiredFilePipe,
  UPLOAD_FIELD,
} from './document-upload.interceptor';
import { DocumentsService } from './documents.service';
import { attachmentDisposition, type IncomingFile } from './domain';
import {
  AddDocumentVersionDto,
  AttachToPositionDto,
  ConfidentialityDto,
  DocumentDetailResponse,
  DocumentPage,
  DocumentParams,
  DocumentVersionParams,
  ListDocumentsQueryDto,
  UploadDocumentDto,
} from './dto/document.dto';

const DOSSIER_ITEM = {
  type: 'string',
  pattern: '^[a-z][a-z_]*:[A-Za-z0-9_.:-]{1,100}$',
  example: 'assessment:A1',
};
const FILE = {
  type: 'string',
  format: 'binary',
  description: 'PDF, PNG, JPEG, DOCX, XLSX, PPTX, or UTF-8 .txt/.csv/.md',
};

@ApiTags('documents')
@ApiBearerAuth()
@Controller('cases/:caseId/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @RequirePermission(Permission.CaseParticipate)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD, 'title'],
      properties: {
        [UPLOAD_FIELD]: FILE,
        title: { type: 'string', minLength: 1, maxLength: 300 },
        dossierItem: DOSSIER_ITEM,
        confidentialScope: {
          type: 'string',
          maxLength: 2000,
          description: 'Impose WOR art. 20 secrecy at upload',
        },
        confidentialUntil: { type: 'string', format: 'date' },
      },
    },
  })
  upload(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @UploadedFile(RequiredFilePipe) file: IncomingFile,
    @Body() dto: UploadDocumentDto,
  ): Promise<DocumentDetailResponse> {
    return this.documents.upload(actor, caseId, file, dto);
  }

  @Get()
  @RequirePermission(Permission.CaseRead)
  async list(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() query: ListDocumentsQueryDto,
  ): Promise<DocumentPage> {
    // Oldest first; the confidentiality rules (art. 20) run over the case's documents at once.
    return pageOfSorted(
      await this.documents.listForCase(actor, caseId, { dossierItem: query.dossierItem }),
      query,
      (d) => [d.createdAt, d.id],
    );
  }

  @Get(':documentId')
  @RequirePermission(Permission.CaseRead)
  get(
    @CurrentActor() actor: Actor,
    @Param() { caseId, documentId }: DocumentParams,
  ): Promise<DocumentDetailResponse> {
    return this.documents.get(actor, caseId, documentId);
  }

  @Post(':documentId/versions')
  @RequirePermission(Permission.CaseParticipate)
  @UseInterceptors(DocumentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: [UPLOAD_FIELD],
      properties: {
        [UPLOAD_FIELD]: FILE,
        version: {
          type: 'integer',
          minimum: 1,
          description: 'The document version last seen; stale → 409',
        },
      },
    },
  })
  addVersion(
    @CurrentActor() actor: Actor,
    @Param() { caseId, documentId }: DocumentParams,
    @UploadedFile(RequiredFilePipe) file: IncomingFile,
    @Body() dto: AddDocumentVersionDto,
  ): Promise<DocumentDetailResponse> {
    return this.documents.addVersion(actor, caseId, documentId, file, dto);
  }

  /** The bytes, always as a download: never rendered inline, never sniffed into something else. */
  @Get(':documentId/versions/:seq/content')
  @RequirePermission(Permission.CaseRead)
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async content(
    @CurrentActor() actor: Actor,
    @Param() { caseId, documentId, seq }: DocumentVersionParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const content = await this.documents.content(actor, caseId, documentId, seq);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('ETag', `"${content.sha256}"`);
    const options = {
      type: content.mediaType,
      length: content.sizeBytes,
      disposition: attachmentDisposition(content.filename),
    };
    const body = content.body;
    if (Buffer.isBuffer(body)) {
      return new StreamableFile(body, options);
    }
    // A client that hangs up must not leave the file handle open.
    res.once('close', () => body.destroy());
    return new StreamableFile(body, options);
  }

  @Put(':documentId/confidentiality')
  @RequirePermission(Permission.CaseParticipate)
  setConfidentiality(
    @CurrentActor() actor: Actor,
    @Param() { caseId, documentId }: DocumentParams,
    @Body() dto: ConfidentialityDto,
  ): Promise<DocumentDetailResponse> {
    return this.documents.setConfidentiality(actor, caseId, documentId, dto);
  }

  /** Chair or secretary: the council's expert's opinion becomes part of its position, for the employer to read. */
  @Put(':documentId/position-attachment')
  @RequirePermission(Permission.CaseParticipate)
  attachToPosition(
    @CurrentActor() actor: Actor,
    @Param() { caseId, documentId }: DocumentParams,
    @Body() dto: AttachToPositionDto,
  ): Promise<DocumentDetailResponse> {
    return this.documents.attachToPosition(actor, caseId, documentId, dto.version);
  }

  @Delete(':documentId/confidentiality')
  @RequirePermission(Permission.CaseParticipate)
  liftConfidentiality(
    @CurrentActor() actor: Actor,
    @Param() { caseId, documentId }: DocumentParams,
  ): Promise<DocumentDetailResponse> {
    return this.documents.liftConfidentiality(actor, caseId, documentId);
  }

  @Delete(':documentId')
  @HttpCode(204)
  @RequirePermission(Permission.CaseParticipate)
  @ApiNoContentResponse()
  remove(
    @CurrentActor() actor: Actor,
    @Param() { caseId, documentId }: DocumentParams,
  ): Promise<void> {
    return this.documents.remove(actor, caseId, documentId);
  }
}
