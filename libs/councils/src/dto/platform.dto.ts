import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageResponseOf } from '@wc/pagination';

import { InvitationResponse } from './councils.dto';

export class CreateOrganisationDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: ['employer', 'union'] })
  @IsIn(['employer', 'union'])
  kind!: 'employer' | 'union';

  /** Matters for the small-undertaking rules of WOR 35b-d. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  headcount?: number;
}

export class InviteFirstAdminDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  /** The language of the invitation e-mail. */
  @ApiPropertyOptional({ enum: ['nl', 'en'] })
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';
}

export class PlatformOrganisationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['employer', 'union', 'operator'] }) kind!: string;
  @ApiProperty({ type: Number, nullable: true }) headcount!: number | null;
  @ApiProperty({ enum: ['active', 'suspended', 'deletion_scheduled'] }) status!: string;
  @ApiProperty({ type: String, nullable: true }) suspendedAt!: string | null;
  /** When the worker's sweep deletes the organisation (the end of the grace period). */
  @ApiProperty({ type: String, nullable: true }) deletionDueAt!: string | null;
  @ApiProperty() people!: number;
  @ApiProperty() createdAt!: string;
}

export class FirstAdminInvitationResponse extends InvitationResponse {
  /** Whether the invitation e-mail went out; the link above works either way. */
  @ApiProperty() emailSent!: boolean;
}

export class PlatformOrganisationPage extends PageResponseOf(PlatformOrganisationResponse) {}
