import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from '@wc/auth';

import { OpenIdClient } from './openid.client';
import { SsoConnectionEntity } from './sso-connection.entity';
import { SsoEmailDomainEntity } from './sso-email-domain.entity';
import { SsoLoginEntity } from './sso-login.entity';
import { SsoController } from './sso.controller';
import { SsoRepository } from './sso.repository';
import { SsoService } from './sso.service';

@Module({
  imports: [
    AuthModule,
    TypeOrmModule.forFeature([SsoConnectionEntity, SsoEmailDomainEntity, SsoLoginEntity]),
  ],
  controllers: [SsoController],
  providers: [SsoService, SsoRepository, OpenIdClient],
})
export class SsoModule {}
