import type { components } from './api/schema';

type Schemas = components['schemas'];

type Track = Schemas['TrackResponse'];
export type ActionType = Schemas['TrackTransitionDto']['action']['type'];
export type OfferedAction = Schemas['AllowedActionResponse'] & { action: ActionType };

/**
 * What the track page offers: exactly the server's `allowedActions` for the signed-in person,
 * open ones as forms and refused ones with what is missing. No rule of the stage machine lives here.
 */
export function offeredActions(track: Pick<Track, 'allowedActions'>): {
  open: ActionType[];
  refused: OfferedAction[];
} {
  const all = track.allowedActions as OfferedAction[];
  return {
    open: all.filter((a) => a.allowed).map((a) => a.action),
    refused: all.filter((a) => !a.allowed),
  };
}
