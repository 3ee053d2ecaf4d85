import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { offeredActions } from '../../apps/web/src/track-offer';
import {
  allowedActionsFor,
  type ActorSide,
  planTrackTransition,
  STAGES_BY_KIND,
  TRACK_KINDS,
  TRANSITIONS,
  TransitionRefused,
  type TrackStage,
} from '../../libs/cases/src/domain';
import { facts, NOW, trackAt } from '../../libs/cases/src/domain/domain-fixtures';

const SIDES: readonly ActorSide[] = [
  'employer',
  'council_board',
  'council_member',
  'expert',
  'union',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * The web offers exactly what the server allows (house style B.20): for every track kind, stage
 * and side, the actions the case page offers as forms are those the stage machine accepts now,
 * and every other action of that side in that stage is shown refused with the server's missing items.
 */
describe('what the web offers on a track', () => {
  const situations = [
    { name: 'a case where every guard passes', caseFacts: facts(), consultations: 1 },
    {
      name: 'a case with an incomplete request and no meeting held',
      caseFacts: facts({ missingRequestContents: ['reasons'] }),
      consultations: 0,
    },
  ];

  it.each(situations)(
    'equals what the server allows, for every kind, stage and side: $name',
    ({ caseFacts, consultations }) => {
      let compared = 0;
      for (const kind of TRACK_KINDS) {
        for (const stage of STAGES_BY_KIND[kind] as readonly TrackStage[]) {
          const track = trackAt(kind, stage, { consultationsHeld: consultations });
          for (const side of SIDES) {
            const server = allowedActionsFor({ track, facts: caseFacts, side, now: NOW });
            // The track as the case response carries it.
            const web = offeredActions({
              allowedActions: server.map((a) => ({
                action: a.action,
                allowed: a.allowed,
                missing: a.missing.map((m) => ({ ...m })),
              })),
            });
            const ownActions = [
              ...new Set(
                TRANSITIONS.filter(
                  (r) => r.tracks.includes(kind) && r.from === stage && r.who.includes(side),
                ).map((r) => r.action),
              ),
            ];
            expect([...web.open, ...web.refused.map((r) => r.action)].sort()).toEqual(
              ownActions.sort(),
            );
            for (const action of web.open) {
              // An open action is one the stage machine does not refuse for a case reason.
              const refusal = server.find((a) => a.action === action)?.missing ?? [];
              expect({ kind, stage, side, action, refusal }).toEqual({
                kind,
                stage,
                side,
                action,
                refusal: [],
              });
            }
            for (const refused of web.refused) {
              expect(refused.missing.length).toBeGreaterThan(0);
            }
            compared += 1;
          }
        }
      }
      expect(compared).toBe(
        SIDES.length * TRACK_KINDS.reduce((n, k) => n + STAGES_BY_KIND[k].length, 0),
      );
    },
  );

  it('a refused action names what the stage machine names', () => {
    const track = trackAt('advice', 'request_submitted', { consultationsHeld: 0 });
    const [position] = allowedActionsFor({
      track,
      facts: facts(),
      side: 'council_board',
      now: NOW,
    }).filter((a) => a.action === 'record_council_position');
    expect(position.allowed).toBe(false);
    let refusedWith: readonly string[] = [];
    try {
      planTrackTransition({
        caseFacts: facts(),
        track,
        action: { type: 'record_council_position', position: 'positive' },
        actorSide: 'council_board',
        now: NOW,
      });
    } catch (error) {
      refusedWith = error instanceof TransitionRefused ? error.missing : [];
    }
    expect(position.missing.map((m) => m.code)).toEqual([...refusedWith]);
  });

  it('the web app carries no transition table of its own', () => {
    const sources = filesUnder(join(__dirname, '..', '..', 'apps', 'web', 'src')).filter(
      (f) => /\.tsx?$/.test(f) && !f.endsWith('schema.d.ts'),
    );
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      // A table row names the sides that may take an action from some stages.
      expect({
        file,
        table: /\bwho:\s*'(employer|board|council|either)'/.test(text) || /actionsFor\(/.test(text),
      }).toEqual({ file, table: false });
    }
  });
});
