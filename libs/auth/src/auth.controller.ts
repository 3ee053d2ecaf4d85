import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';

import { NotFound } from '@wc/core';

import type { Actor } from './actor';
import { AuthService } from './auth.service';
import { CurrentActor, Public, RequireAuthentication } from './decorators';
import { ChangePasswordDto, LoginDto, MeResponse, RefreshDto, TokenPairResponse, UpdateProfileDto } from './dto/auth.dto';
import { LoginGuard } from './login.guard';
import { RateLimited, RateLimitGuard } from './rate-limit/rate-limit.guard';
import { UserRepository } from './user.repository';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UserRepository,
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

  @ApiBearerAuth()
  @RequireAuthentication()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @Body() dto: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }

  @ApiBearerAuth()
  @RequireAuthentication()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    const user = await this.users.findById(actor.userId);
    if (!user) {
      throw new NotFound('user');
    }
    return { userId: user.id, email: user.email, displayName: user.displayName, language: user.language, organisationId: user.organisationId, memberships: [...actor.memberships] };
  }

  @ApiBearerAuth()
  @RequireAuthentication()
  @Patch('me')
  async updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<MeResponse> {
    await this.users.update(actor.userId, dto);
    return this.me(actor);
  }
}
