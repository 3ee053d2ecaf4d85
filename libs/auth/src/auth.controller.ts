import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';

import { NotFound } from '@wc/core';

import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { AllowDuringEnrolment, CurrentActor, Public, RequireAuthentication } from './decorators';
import {
  ChangePasswordDto,
  DisableSecondFactorDto,
  LoginDto,
  MeResponse,
  PasswordResetDto,
  PasswordResetRequestDto,
  RecoveryCodesResponse,
  RefreshDto,
  SecondFactorCodeDto,
  SecondFactorEnrolmentResponse,
  TokenPairResponse,
  UpdateProfileDto,
} from './dto/auth.dto';
import { LoginGuard } from './login.guard';
import { PasswordResetService } from './password-reset.service';
import { RateLimited, RateLimitGuard } from './rate-limit/rate-limit.guard';
import { SecondFactorService } from './second-factor.service';
import { UserRepository } from './user.repository';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserRepository,
    private readonly passwordResets: PasswordResetService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  /** The body is validated and the password checked by LoginGuard (passport-local). */
  @Public()
  // The rate limit first: a flood is refused before any password is hashed.
  @UseGuards(RateLimitGuard, LoginGuard)
  @Post('login')
  @HttpCode(200)
  @ApiBody({ type: LoginDto })
  login(@Req() request: { user: { userId: string } }): Promise<TokenPairResponse> {
    return this.auth.issueSession(request.user.userId);
  }

  @Public()
  @RateLimited()
  @Post('refresh')
  @HttpCode(200)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairResponse> {
    return this.auth.refresh(dto.refreshToken);
  }

  /** Public so an expired access token cannot stop a user from ending the session. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  logout(@Body() dto: RefreshDto): Promise<void> {
    return this.auth.logout(dto.refreshToken);
  }

  /** Always 202: whether the address has an account is not told (the e-mail goes only if it does). */
  @Public()
  @RateLimited()
  @Post('password-reset-requests')
  @HttpCode(202)
  async requestPasswordReset(@Body() dto: PasswordResetRequestDto): Promise<void> {
    await this.passwordResets.request(dto.email);
  }

  @Public()
  @RateLimited()
  @Post('password-resets')
  @HttpCode(204)
  resetPassword(@Body() dto: PasswordResetDto): Promise<void> {
    return this.passwordResets.reset(dto.token, dto.newPassword);
  }

  @ApiBearerAuth()
  @RequireAuthentication()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  /** Starts setting up a TOTP second factor; nothing changes at login until it is activated. */
  @ApiBearerAuth()
  @RequireAuthentication()
  @AllowDuringEnrolment()
  @Post('second-factor/enrolment')
  @HttpCode(200)
  enrolSecondFactor(@CurrentActor() actor: Actor): Promise<SecondFactorEnrolmentResponse> {
    return this.secondFactor.enrol(actor);
  }

  @ApiBearerAuth()
  @RequireAuthentication()
  @AllowDuringEnrolment()
  @Post('second-factor/activation')
  @HttpCode(200)
  activateSecondFactor(
    @CurrentActor() actor: Actor,
    @Body() dto: SecondFactorCodeDto,
  ): Promise<RecoveryCodesResponse> {
    return this.secondFactor.activate(actor, dto.code);
  }

  @ApiBearerAuth()
  @RequireAuthentication()
  @Post('second-factor/deactivation')
  @HttpCode(204)
  disableSecondFactor(
    @CurrentActor() actor: Actor,
    @Body() dto: DisableSecondFactorDto,
  ): Promise<void> {
    return this.secondFactor.disable(actor, dto.password);
  }

  @ApiBearerAuth()
  @RequireAuthentication()
  @AllowDuringEnrolment()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    const user = await this.users.findById(actor.userId);
    if (!user) {
      throw new NotFound('user');
    }
    return {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      language: user.language,
      organisationId: user.organisationId,
      secondFactorEnabled: this.secondFactor.isEnabled(user),
      secondFactorEnrolmentRequired: actor.secondFactorEnrolmentPending === true,
      memberships: [...actor.memberships],
    };
  }

  @ApiBearerAuth()
  @RequireAuthentication()
  @Patch('me')
  async updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<MeResponse> {
    await this.users.update(actor.userId, dto);
    return this.me(actor);
  }
}
