import type { Actor } from '@wc/auth';

import type { Language } from './domain';

/**
 * The formal letters a dossier PDF lists (issue #22), with their receipt record. `@wc/letters`
 * binds this token from a global module, because the letters lib imports the dossier's PDF
 * helpers; without it the dossier lists no letters.
 */
export const DOSSIER_LETTERS = Symbol('DOSSIER_LETTERS');

export interface DossierLetter {
  readonly subject: string;
  /** The Amsterdam day it was sent; null if not (only letters that left their sender are listed). */
  readonly sentAt: string | null;
  readonly delivery: 'platform' | 'outside' | null;
  readonly receivedOn: string | null;
  readonly receipt: ReadonlyArray<{
    readonly on: string;
    readonly via: string;
    readonly side: string;
  }>;
}

export interface DossierLetters {
  /** The letters of the case that this reader may see; runs with the reader's rights. */
  dossierLetters(actor: Actor, caseId: string, language: Language): Promise<DossierLetter[]>;
}
