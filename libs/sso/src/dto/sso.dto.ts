import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { EMPLOYER_ROLES, type Role } from '@wc/auth';

/** A domain name as it follows the `@` (no scheme, no path). */
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export class GroupRoleDto {
  /** The group as the identity provider sends it in the `groups` claim (Entra ID: the group's object id). */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  group!: string;

  /** Employer-side roles only: council roles are the council board's to grant (B.19). */
  @IsIn(EMPLOYER_ROLES)
  @ApiProperty({ enum: EMPLOYER_ROLES })
  role!: Role;
}

export class SsoConnectionDto {
  /** The issuer identifier, e.g. https://login.microsoftonline.com/<tenant-id>/v2.0 */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  @MaxLength(500)
  issuer!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  clientId!: string;

  /** Required the first time; left out, the stored secret stays. Never returned. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  clientSecret?: string;

  /** The e-mail domains whose people sign in here, e.g. `example.nl`. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(DOMAIN, { each: true })
  emailDomains!: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GroupRoleDto)
  groupRoles?: GroupRoleDto[];
}

export class GroupRoleResponse {
  @ApiProperty() group!: string;
  @ApiProperty({ enum: EMPLOYER_ROLES }) role!: Role;
}

export class SsoConnectionResponse {
  @ApiProperty() configured!: boolean;
  @ApiProperty({ type: String, nullable: true }) issuer!: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId!: string | null;
  /** Whether a client secret is stored; the secret itself is never returned. */
  @ApiProperty() clientSecretSet!: boolean;
  @ApiProperty({ type: [String] }) emailDomains!: string[];
  @ApiProperty({ type: [GroupRoleResponse] }) groupRoles!: GroupRoleResponse[];
  /** To register at the identity provider (Entra ID: a "Web" platform redirect URI). */
  @ApiProperty() redirectUri!: string;
}

export class SsoStartDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;
}

export class SsoStartResponse {
  /** Send the browser here. */
  @ApiProperty() authorizationUrl!: string;
  /** Keep it (sessionStorage) and check it comes back with the code: it ties the answer to this browser. */
  @ApiProperty() state!: string;
}

/** The parameters the identity provider sent back to the redirect URI. */
export class SsoCallbackDto {
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  code!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  state!: string;

  /** RFC 9207: the issuer, when the provider sends it. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  iss?: string;
}
