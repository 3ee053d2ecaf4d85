import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';

import { ALL_ROLES, Role } from '@wc/auth';

export class OrganisationIdParams {
  @IsUUID()
  organisationId!: string;
}

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
  @ApiProperty({ type: RoleChangePersonResponse, nullable: true }) changedBy!: RoleChangePersonResponse | null;
  @ApiProperty() occurredAt!: string;
}
