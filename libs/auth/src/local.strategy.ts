import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';

import { AuthService } from './auth.service';

/** E-mail + password login; the verified user id becomes `request.user`. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({
      usernameField: 'email',
      passwordField: 'password',
      passReqToCallback: true,
      session: false,
    });
  }

  validate(request: Request, email: string, password: string): Promise<{ userId: string }> {
    const { totpCode, recoveryCode } = request.body as { totpCode?: string; recoveryCode?: string };
    return this.auth.verifyCredentials(email, password, request.ip ?? 'unknown', {
      totpCode,
      recoveryCode,
    });
  }
}
