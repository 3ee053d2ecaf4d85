import type { Actor } from '@wc/auth';

/**
 * Injection token for what happens to a system's cases after a material register change (issue
 * #19, P5: the follow-up case). `@wc/evaluations` builds on the case engine, which builds on this
 * lib, so it binds the token from a global module; absent, the change is only announced.
 */
export const AI_SYSTEM_MATERIAL_CHANGE = Symbol('AI_SYSTEM_MATERIAL_CHANGE');

export interface AiSystemMaterialChange {
  /** Runs inside the register update's transaction, after the change is saved and announced. */
  changed(actor: Actor, aiSystemId: string, fields: readonly string[]): Promise<void>;
}
