import { Conflict } from '@wc/core';

import type { TrackActionType } from './track-actions';
import type { TrackKind, TrackStage } from './tracks';

/**
 * A track transition the law or the table does not allow. `missing` names every unmet condition,
 * e.g. `consultation_meeting_held`, `request_contents:reasons`, `actor_side:employer`,
 * `stage:council_position`, `gate:dpia_done`, so clients never parse prose (house style B.9).
 */
export class TransitionRefused extends Conflict {
  static readonly CODE = 'case.transition_not_allowed';

  constructor(
    readonly track: TrackKind,
    readonly from: TrackStage,
    readonly action: TrackActionType,
    readonly missing: readonly string[],
  ) {
    super(
      TransitionRefused.CODE,
      `The ${track} track cannot '${action}' from '${from}'; missing: ${missing.join(', ')}.`,
      { track, from, action, missing: [...missing] },
    );
  }
}
