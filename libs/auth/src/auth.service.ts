import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { BadRequest, Clock, Unauthorized } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';

import type { Actor } from './actor';
import { ACTOR_LOOKUP, type ActorLookup } from './actor-lookup';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';
import { type SecondFactorProof, SecondFactorService } from './second-factor.service';
import { TokenRepository } from './token.repository';
import { UserRepository } from './user.repository';

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

export interface AccessTokenClaims {
  sub: string;
  exp: number;
  /** The session: the refresh-token family the token was issued with. Revoking it ends the token. */
  sid: string;
  /** Present (true) on an enrolment-only session: the organisation requires a second factor the account lacks. */
  enrol?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly users: UserRepository,
    private readonly tokens: TokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly throttle: LoginThrottle,
    private readonly passwords: PasswordPolicy,
    private readonly secondFactor: SecondFactorService,
    @Inject(ACTOR_LOOKUP) private readonly actors: ActorLookup,
  ) {}

  /**
   * Checks the password (called by the passport-local strategy), counted against the failed-login
   * limits (LoginThrottle) before the check, so parallel guesses cannot outrun the count.
   */
  async verifyCredentials(
    email: string,
    password: string,
    ip: string,
    proof: SecondFactorProof = {},
  ): Promise<{ userId: string }> {
    const normalised = email.trim().toLowerCase();
    const reserved = await this.throttle.reserve(normalised, ip);
    const user = await this.users.findByEmail(normalised);
    // Verify against a dummy hash for unknown e-mails too, so timing does not reveal which exist.
    const valid = await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password);
    // A deactivated account, or one of a suspended organisation (no actor), answers like a wrong
    // password: the login form reveals nothing more.
    if (!user || !valid || user.deactivatedAt || !(await this.actors.actorOf(user.id))) {
      throw new Unauthorized(
        'auth.invalid_credentials',
        'The e-mail address or password is wrong.',
      );
    }
    // A missing or wrong second factor leaves the attempt counted, like a wrong password.
    await this.secondFactor.assertProof(user, proof);
    await this.throttle.succeeded(reserved);
    return { userId: user.id };
  }

  /** Opens a session for a user who proved who they are another way (an accepted invitation). */
  issueSession(userId: string): Promise<TokenPair> {
    return this.tx.run(() => this.issueTokens(userId, randomUUID()));
  }

  /** Rotates a refresh token. Presenting a used or revoked one revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const outcome = await this.tx.run(async () => {
      const row = await this.tokens.findByHashForUpdate(sha256(refreshToken));
      if (!row) {
        return null;
      }
      if (row.usedAt || row.revokedAt) {
        await this.tokens.revokeFamily(row.familyId, now);
        await this.outbox.append(
          [{ type: 'session.revoked', userId: row.userId, payload: {} }],
          null,
        );
        return 'reused' as const;
      }
      if (row.expiresAt <= now || !(await this.actors.actorOf(row.userId))) {
        return null; // expired, or the account was deactivated or its organisation suspended
      }
      await this.tokens.markUsed(row.id, now);
      return this.issueTokens(row.userId, row.familyId);
    });
    if (outcome === 'reused') {
      throw new Unauthorized(
        'auth.refresh_token_reused',
        'This refresh token was already used; all sessions of this login are revoked.',
      );
    }
    if (!outcome) {
      throw new Unauthorized(
        'auth.invalid_refresh_token',
        'The refresh token is unknown or expired.',
      );
    }
    return outcome;
  }

  async logout(refreshToken: string): Promise<void> {
    await this.tx.run(async () => {
      const row = await this.tokens.findByHashForUpdate(sha256(refreshToken));
      if (row) {
        await this.tokens.revokeFamily(row.familyId, this.clock.now());
        await this.outbox.append(
          [{ type: 'session.revoked', userId: row.userId, payload: {} }],
          row.userId,
        );
      }
    });
  }

  /** Ends every other session of the user at once; the one that proved the old password goes on. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(actor.userId);
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new BadRequest('auth.wrong_password', 'The current password is wrong.', {}, [
        { path: 'currentPassword', message: 'is wrong' },
      ]);
    }
    this.passwords.assertAcceptable(newPassword, user, 'newPassword');
    const passwordHash = await this.hasher.hash(newPassword);
    await this.tx.run(async () => {
      await this.users.update(user.id, { passwordHash });
      // Other sessions may belong to whoever knew the old password.
      await this.tokens.revokeAllOfUser(user.id, this.clock.now(), { except: actor.sessionId });
      await this.outbox.append(
        [{ type: 'session.revoked', userId: user.id, payload: {} }],
        user.id,
      );
    });
  }

  /**
   * Ends every session of a user (deactivation): access tokens are refused from the next request
   * on, and the realtime relay disconnects the user's sockets after commit. Runs in the caller's
   * transaction.
   */
  async endAllSessions(userId: string, actorId: string | null): Promise<void> {
    await this.tokens.revokeAllOfUser(userId, this.clock.now());
    await this.outbox.append([{ type: 'session.revoked', userId, payload: {} }], actorId);
  }

  /** A user as an actor (memberships read fresh); null for an unknown or deactivated account. */
  actorFor(userId: string): Promise<Actor | null> {
    return this.actors.actorOf(userId);
  }

  /**
   * Resolves a verified access token to the actor, with memberships read fresh from the database,
   * in one statement that also checks the session still stands. Null when it ended (logout,
   * password change elsewhere, deactivation) or the token carries no session.
   */
  async actorForSession(claims: AccessTokenClaims): Promise<Actor | null> {
    if (typeof claims.sid !== 'string' || !UUID.test(claims.sid)) {
      return null;
    }
    const actor = await this.actors.actorOf(claims.sub, claims.sid);
    if (!actor) {
      return null;
    }
    return {
      ...actor,
      sessionId: claims.sid,
      ...(claims.enrol === true ? { secondFactorEnrolmentPending: true } : {}),
    };
  }

  /** Verifies an access token outside HTTP (the socket handshake). */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    try {
      return await this.jwt.verifyAsync<AccessTokenClaims>(token, {
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch {
      throw new Unauthorized('auth.invalid_token', 'The access token is invalid or expired.');
    }
  }

  /** Expiry by the Clock port, for tokens whose signature passport-jwt has checked. */
  assertNotExpired(claims: AccessTokenClaims): void {
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.clock.now().getTime()) {
      throw new Unauthorized('auth.invalid_token', 'The access token is invalid or expired.');
    }
  }

  /**
   * Every issue (login, single sign-on, refresh) asks afresh whether the organisation requires a
   * second factor the account lacks: then the access token is enrolment-only, and the refresh
   * after activating one gives a full session.
   */
  private async issueTokens(userId: string, familyId: string): Promise<TokenPair> {
    const now = this.clock.now();
    const { accessTokenTtlSeconds, refreshTokenTtlSeconds } = this.config.auth;
    const iat = Math.floor(now.getTime() / 1000);
    const enrol = await this.users.secondFactorEnrolmentPending(userId);
    const accessToken = await this.jwt.signAsync({
      sub: userId,
      sid: familyId,
      ...(enrol ? { enrol: true } : {}),
      iat,
      exp: iat + accessTokenTtlSeconds,
    });
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpires = new Date(now.getTime() + refreshTokenTtlSeconds * 1000);
    await this.tokens.insertRefreshToken({
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpires,
    });
    return {
      accessToken,
      accessTokenExpiresAt: new Date((iat + accessTokenTtlSeconds) * 1000).toISOString(),
      refreshToken,
      refreshTokenExpiresAt: refreshExpires.toISOString(),
    };
  }
}

/** An argon2id hash of a random string, verified against when the e-mail is unknown. */
const DUMMY_HASH =
  '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$N5mTqgkdLW+uAYKZs9Vt3RiuGUbHWRuDsW4dx8bs+tY';
