import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

import { BadRequest } from '@wc/core';

import { LoginDto } from './dto/auth.dto';
import { fieldProblems } from './field-problems';

/**
 * Runs passport-local for /auth/login. Guards run before pipes, so the body is validated here
 * first: a malformed body gets the same field-by-field 400 as every other route.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body: unknown = context.switchToHttp().getRequest<{ body: unknown }>().body;
    const errors = await validate(plainToInstance(LoginDto, body ?? {}), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    if (errors.length > 0) {
      throw new BadRequest(
        'request.validation_failed',
        'The request has invalid fields.',
        {},
        fieldProblems(errors),
      );
    }
    return (await super.canActivate(context)) as boolean;
  }

  /** Passport's own failures (never reached with a valid body) must not become bare 401s. */
  override handleRequest<T>(error: unknown, user: T): T {
    if (error) {
      // Passport hands on what a strategy threw; anything else than an Error is a programming fault.
      throw error instanceof Error
        ? error
        : new Error('Authentication strategy failed.', { cause: error });
    }
    return user;
  }
}
