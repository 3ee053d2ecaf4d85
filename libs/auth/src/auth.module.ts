import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';

import { APP_CONFIG, type AppConfig } from '@wc/config';

import { AuthController } from './auth.controller';
import { AuthPolicyController } from './auth-policy.controller';
import { AuthPolicyRepository } from './auth-policy.repository';
import { OrganisationAuthPolicyEntity } from './organisation-auth-policy.entity';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { AccountService } from './account.service';
import { JwtStrategy } from './jwt.strategy';
import { LocalStrategy } from './local.strategy';
import { LoginThrottle } from './login-throttle';
import { LoginThrottleEntity } from './login-throttle.entity';
import { LoginThrottleRepository } from './login-throttle.repository';
import { MembershipEntity } from './membership.entity';
import { PasswordHasher } from './password-hasher';
import { AccountMailer } from './account-mailer';
import { PasswordPolicy } from './password-policy';
import { PasswordResetEntity } from './password-reset.entity';
import { PasswordResetRepository } from './password-reset.repository';
import { PasswordResetService } from './password-reset.service';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { RecoveryCodeEntity } from './recovery-code.entity';
import { SecondFactorService } from './second-factor.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TokenRepository } from './token.repository';
import { AppUserEntity } from './user.entity';
import { UserRepository } from './user.repository';

@Module({
  imports: [
    PassportModule,
    RateLimitModule,
    TypeOrmModule.forFeature([
      AppUserEntity,
      MembershipEntity,
      RefreshTokenEntity,
      LoginThrottleEntity,
      PasswordResetEntity,
      RecoveryCodeEntity,
      OrganisationAuthPolicyEntity,
    ]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.auth.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, AuthPolicyController],
  providers: [
    AuthService,
    AccountService,
    AuthPolicyRepository,
    PasswordHasher,
    PasswordPolicy,
    SecondFactorService,
    PasswordResetService,
    PasswordResetRepository,
    AccountMailer,
    JwtStrategy,
    LocalStrategy,
    UserRepository,
    TokenRepository,
    LoginThrottle,
    LoginThrottleRepository,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [AuthService, AccountService, AccountMailer],
})
export class AuthModule {}
