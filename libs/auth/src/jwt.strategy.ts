import { createSecretKey } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Unauthorized } from '@wc/core';

import type { Actor } from './actor';
import { type AccessTokenClaims, AuthService } from './auth.service';

/**
 * Bearer access tokens. Expiry is checked against the Clock port rather than by the JWT library's
 * wall clock, so tests can move time; the signature and algorithm are checked by passport-jwt.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly auth: AuthService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      // A KeyObject, made once: given a string, jsonwebtoken first tries (and fails) to parse it as
      // a public key on every request, which cost ~10% of the API's CPU under load (bench:http).
      secretOrKey: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as string,
      algorithms: ['HS256'],
      ignoreExpiration: true,
    });
  }

  async validate(claims: AccessTokenClaims): Promise<Actor> {
    this.auth.assertNotExpired(claims);
    const actor = await this.auth.actorForSession(claims);
    if (!actor) {
      throw new Unauthorized('auth.invalid_token', 'The access token is invalid or expired.');
    }
    return actor;
  }
}
