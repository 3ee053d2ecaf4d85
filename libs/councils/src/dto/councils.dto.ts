import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { ALL_ROLES, Role } from '@wc/auth';

export { OrganisationIdParams } from '@wc/auth';
import { PageResponseOf } from '@wc/pagination';

export class WorksCouncilIdParams {
  @IsUUID()
  worksCouncilId!: string;
}

export class MembershipIdParams {
  @IsUUID()
  membershipId!: string;
}

export class CreateWorksCouncilDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @IsIn(['or', 'cor', 'gor', 'pvt', 'none'])
  kind!: 'or' | 'cor' | 'gor' | 'pvt' | 'none';
}

export class CreateCommitteeDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
}

export class RoleAssignmentDto {
  @ApiProperty({ enum: ALL_ROLES })
  @IsIn(ALL_ROLES)
  role!: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  worksCouncilId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  committeeId?: string;
}

export class CreateMembershipDto extends RoleAssignmentDto {
  @IsUUID()
  userId!: string;
}

export class CreateInvitationDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @ValidateNested({ each: true })
  @Type(() => RoleAssignmentDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  roles!: RoleAssignmentDto[];
}

export class AcceptInvitationDto {
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;

  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';

  /** Required (true) for the council's expert: WOR art. 20 binds the expert to confidentiality. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  confidentialityAcknowledged?: boolean;
}

export class OrganisationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['employer', 'union'] }) kind!: string;
  @ApiProperty({ type: Number, nullable: true }) headcount!: number | null;
}

export class CommitteeResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class WorksCouncilResponse {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['or', 'cor', 'gor', 'pvt', 'none'] }) kind!: string;
  @ApiProperty({ type: [CommitteeResponse] }) committees!: CommitteeResponse[];
}

export class MemberResponse {
  @ApiProperty() membershipId!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
  /** Null for an external expert asking: an outsider gets names and roles, not the staff's addresses. */
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) worksCouncilId!: string | null;
  @ApiProperty({ type: String, nullable: true }) committeeId!: string | null;
  /** The account was deactivated: it keeps its place in the list, without access. */
  @ApiProperty() deactivated!: boolean;
}

export class InvitationResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() expiresAt!: string;
  /** Returned once, to hand to the invitee; only its hash is stored. */
  @ApiProperty() token!: string;
  @ApiProperty() acceptUrl!: string;
}

export class UserIdParams {
  @IsUUID()
  organisationId!: string;

  @IsUUID()
  userId!: string;
}

/** A council role changed within its council (e.g. member → secretary), or an employer role within the organisation. */
export class ChangeMembershipDto {
  @ApiProperty({ enum: ALL_ROLES })
  @IsIn(ALL_ROLES)
  role!: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  committeeId?: string;
}

export class RoleChangePersonResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() displayName!: string;
}

/** One line of the council's own record of who granted, changed or removed which council role. */
export class CouncilRoleChangeResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['granted', 'changed', 'removed', 'deactivated'] }) change!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) previousRole!: string | null;
  @ApiProperty({ type: String, nullable: true }) committeeId!: string | null;
  @ApiProperty({ type: RoleChangePersonResponse }) subject!: RoleChangePersonResponse;
  @ApiProperty({ type: RoleChangePersonResponse, nullable: true })
  changedBy!: RoleChangePersonResponse | null;
  @ApiProperty() occurredAt!: string;
}

/** The board engages the council's own expert (WOR art. 16); purpose and costs are the employer's cost notice (art. 22(2)). */
export class CreateExpertEngagementDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  purpose!: string;

  /** Expected costs in euro cents. */
  @IsInt()
  @Min(0)
  @Max(100_000_000_00)
  expectedCostsCents!: number;
}

export class ExpertEngagementResponse {
  @ApiProperty() id!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty({ enum: ['invited', 'engaged'] }) status!: 'invited' | 'engaged';
  @ApiProperty() purpose!: string;
  @ApiProperty() expectedCostsCents!: number;
  /** When the cost notice was given (art. 22(2)). */
  @ApiProperty() notifiedAt!: string;
  @ApiProperty({ type: RoleChangePersonResponse, nullable: true })
  expert!: RoleChangePersonResponse | null;
  /** The invitee's address: for the council's own members, not for the employer. */
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ type: String, nullable: true }) confidentialityAcknowledgedAt!: string | null;
}

export class CreatedExpertEngagementResponse extends ExpertEngagementResponse {
  @ApiProperty({ type: InvitationResponse }) invitation!: InvitationResponse;
}

export class WorksCouncilPage extends PageResponseOf(WorksCouncilResponse) {}
export class MemberPage extends PageResponseOf(MemberResponse) {}
export class CouncilRoleChangePage extends PageResponseOf(CouncilRoleChangeResponse) {}
export class ExpertEngagementPage extends PageResponseOf(ExpertEngagementResponse) {}
