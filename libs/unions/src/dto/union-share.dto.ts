import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Min, ValidateIf } from 'class-validator';
import { PageResponseOf } from '@wc/pagination';

// eslint-disable-next-line no-restricted-imports -- the DTO beside its domain type
import { UNION_SHARE_SCOPES, type UnionShareScope } from '../domain/union-share-scope';

export class UnionShareIdParams {
  @IsUUID() unionShareId!: string;
}

/** Share one chosen case (`caseId`) or all the council's cases (`allCases: true`), never implicitly. */
export class GrantUnionShareDto {
  @IsUUID() unionOrganisationId!: string;

  @ApiPropertyOptional({ description: 'The case to share; required unless allCases is true.' })
  @ValidateIf((o: GrantUnionShareDto) => o.allCases !== true)
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({
    description: 'Share every case of the council, including cases sent later.',
  })
  @IsOptional()
  @IsBoolean()
  allCases?: boolean;

  @ApiProperty({ enum: UNION_SHARE_SCOPES }) @IsIn(UNION_SHARE_SCOPES) scope!: UnionShareScope;
}

export class ChangeUnionShareDto {
  @ApiProperty({ enum: UNION_SHARE_SCOPES }) @IsIn(UNION_SHARE_SCOPES) scope!: UnionShareScope;
  /** The share version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class UnionShareResponse {
  @ApiProperty() id!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty() unionOrganisationId!: string;
  @ApiProperty({ description: "The union's name, as in the union directory." }) unionName!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Null: all cases of the council.' })
  caseId!: string | null;
  @ApiProperty({ enum: UNION_SHARE_SCOPES }) scope!: UnionShareScope;
  @ApiProperty() grantedBy!: string;
  @ApiProperty() grantedAt!: string;
  @ApiProperty({ type: String, nullable: true }) revokedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedAt!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() version!: number;
}

/** A union in the directory (`GET /unions`): unions are public bodies, so their names are listed, nothing else. */
export class UnionDirectoryEntryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class UnionSharePage extends PageResponseOf(UnionShareResponse) {}
export class UnionDirectoryEntryPage extends PageResponseOf(UnionDirectoryEntryResponse) {}
