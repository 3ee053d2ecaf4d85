import { ApiProperty } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class LoginDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;

  /** The 6-digit code from the authenticator app, when the account has a second factor. */
  @IsOptional()
  @Matches(/^\d{6}$/)
  totpCode?: string;

  /** Instead of a code: one of the recovery codes, each usable once. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class RefreshDto {
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken!: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  /** At least 12 characters: length beats composition rules (NIST SP 800-63B). */
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  newPassword!: string;
}

export class PasswordResetRequestDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class PasswordResetDto {
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  token!: string;

  @IsString()
  @MinLength(12)
  @MaxLength(200)
  newPassword!: string;
}

export class SecondFactorCodeDto {
  @Matches(/^\d{6}$/)
  code!: string;
}

export class DisableSecondFactorDto {
  @IsString()
  @MaxLength(200)
  password!: string;
}

export class SecondFactorEnrolmentResponse {
  /** Base32, for typing into an authenticator app by hand. */
  @ApiProperty() secret!: string;
  /** The otpauth:// URI, for a QR code. */
  @ApiProperty() otpauthUri!: string;
}

export class RecoveryCodesResponse {
  /** Shown once: each works once in place of a code. */
  @ApiProperty({ type: [String] }) recoveryCodes!: string[];
}

export class UpdateProfileDto {
  @IsOptional()
  @IsIn(['nl', 'en'])
  language?: 'nl' | 'en';

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName?: string;
}

export class TokenPairResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty() accessTokenExpiresAt!: string;
  @ApiProperty() refreshToken!: string;
  @ApiProperty() refreshTokenExpiresAt!: string;
}

export class MembershipResponse {
  @ApiProperty() membershipId!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty({ type: String, nullable: true }) worksCouncilId!: string | null;
  @ApiProperty({ type: String, nullable: true }) committeeId!: string | null;
  @ApiProperty() role!: string;
}

export class MeResponse {
  @ApiProperty() userId!: string;
  @ApiProperty() email!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['nl', 'en'] }) language!: 'nl' | 'en';
  @ApiProperty() organisationId!: string;
  @ApiProperty() secondFactorEnabled!: boolean;
  /** The organisation requires a second factor and this account has none: set one up, then refresh. */
  @ApiProperty() secondFactorEnrolmentRequired!: boolean;
  @ApiProperty({ type: [MembershipResponse] }) memberships!: MembershipResponse[];
}

export class OrganisationIdParams {
  @IsUUID()
  organisationId!: string;
}

export class AuthPolicyDto {
  /** Everyone in the organisation needs a TOTP second factor (from their next login or refresh). */
  @IsBoolean()
  secondFactorRequired!: boolean;
}

export class AuthPolicyResponse {
  @ApiProperty() secondFactorRequired!: boolean;
}
