import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

import { BadRequest } from '@wc/core';

export const MIN_PASSWORD_LENGTH = 12;

/**
 * zxcvbn's top score: at least 10^10 guesses. A lower bar lets through what attackers try first
 * ("Welkom2026!!" scores 3), and a login limit does not help once a hash database leaks.
 */
const MIN_SCORE = 4;

/**
 * Whether a chosen password may be used (NIST SP 800-63B: length and a blocklist, no composition
 * rules): at least 12 characters, not guessable from the common-password and word lists, and not
 * the user's own e-mail address or name.
 */
@Injectable()
export class PasswordPolicy {
  private estimator: ZxcvbnFactory | undefined;

  /** Throws 400 `auth.weak_password` naming `path`; the reason is in the field problem. */
  assertAcceptable(
    password: string,
    about: { email: string; displayName?: string },
    path = 'password',
  ): void {
    const reason = this.problemWith(password, about);
    if (reason) {
      throw new BadRequest('auth.weak_password', 'Choose a longer or less common password.', {}, [
        { path, message: reason },
      ]);
    }
  }

  private problemWith(
    password: string,
    { email, displayName }: { email: string; displayName?: string },
  ): string | undefined {
    if ([...password].length < MIN_PASSWORD_LENGTH) {
      return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
    }
    const lowered = password.trim().toLowerCase();
    const address = email.trim().toLowerCase();
    if (lowered === address || lowered === address.split('@')[0]) {
      return 'must not be your e-mail address';
    }
    const own = [
      address,
      ...address.split(/[@.+_-]/),
      ...(displayName ? displayName.toLowerCase().split(/\s+/) : []),
    ].filter((part) => part.length >= 3);
    if (this.estimate().check(password, own).score < MIN_SCORE) {
      return 'is too common or too easy to guess';
    }
    return undefined;
  }

  /** Built on first use: loading the dictionaries takes a moment, and the worker never needs them. */
  private estimate(): ZxcvbnFactory {
    this.estimator ??= new ZxcvbnFactory({
      dictionary: { ...common.dictionary },
      graphs: common.adjacencyGraphs,
    });
    return this.estimator;
  }
}
