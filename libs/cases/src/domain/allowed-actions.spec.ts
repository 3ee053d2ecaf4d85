import { allowedActionsFor, placeOfMissing } from './allowed-actions';
import { facts, NOW, trackAt } from './domain-fixtures';
import type { ActorSide } from './track-actions';
import type { CaseFacts } from './transition-effect';
import { TRANSITIONS } from './transition-table';
import { STAGES_BY_KIND, TRACK_KINDS } from './tracks';
import type { TrackStage } from './tracks';

const SIDES: readonly ActorSide[] = [
  'employer',
  'council_board',
  'council_member',
  'expert',
  'union',
];

describe('allowedActionsFor', () => {
  it('lists, for every kind, stage and side, exactly the actions the transition table gives that side', () => {
    for (const kind of TRACK_KINDS) {
      for (const stage of STAGES_BY_KIND[kind] as readonly TrackStage[]) {
        for (const side of SIDES) {
          const listed = allowedActionsFor({
            track: trackAt(kind, stage, {
              consultationsHeld: 1,
              returnStage: 'screening' as never,
            }),
            facts: facts(),
            side,
            now: NOW,
          }).map((a) => a.action);
          const table = [
            ...new Set(
              TRANSITIONS.filter(
                (r) => r.tracks.includes(kind) && r.from === stage && r.who.includes(side),
              ).map((r) => r.action),
            ),
          ];
          expect({ kind, stage, side, listed: [...listed].sort() }).toEqual({
            kind,
            stage,
            side,
            listed: table.sort(),
          });
        }
      }
    }
  });

  it.each([
    // [description, kind, stage, side, facts, action, allowed, missing codes]
    [
      'no position before an overlegvergadering [W4]',
      'advice',
      'request_submitted',
      'council_board',
      {},
      'record_council_position',
      false,
      ['consultation_meeting_held'],
    ],
    [
      'the request lacks its reasons [W3]',
      'advice',
      'information',
      'employer',
      { missingRequestContents: ['reasons'] },
      'submit_request',
      false,
      ['request_contents:reasons'],
    ],
    [
      'a complete request can be submitted',
      'advice',
      'information',
      'employer',
      {},
      'submit_request',
      true,
      [],
    ],
    [
      'deciding without the advice only once the term lapsed [W5]',
      'advice',
      'request_submitted',
      'employer',
      {},
      'record_employer_decision',
      false,
      ['response_term_lapsed'],
    ],
    [
      'after a lapsed term the employer may decide',
      'advice',
      'request_submitted',
      'employer',
      { responseTermLapsed: true },
      'record_employer_decision',
      true,
      [],
    ],
    [
      'go-live waits for the DPIA [G1]',
      'advice',
      'go_live_gate',
      'employer',
      'dpia_open',
      'mark_implemented',
      false,
      ['gate:dpia_done'],
    ],
  ] as const)('%s', (_d, kind, stage, side, overrides, action, allowed, missing) => {
    const caseFacts =
      overrides === 'dpia_open'
        ? facts({
            tracks: [
              trackAt('advice', 'go_live_gate'),
              trackAt('consent', 'go_live_gate'),
              trackAt('ai_act', 'ready'),
              trackAt('dpia', 'in_progress'),
              trackAt('skills', 'done'),
            ],
          })
        : facts(overrides);
    const result = allowedActionsFor({
      track: trackAt(kind, stage),
      facts: caseFacts,
      side,
      now: NOW,
    }).find((a) => a.action === action);
    expect(result).toBeDefined();
    expect(result?.allowed).toBe(allowed);
    expect(result?.missing.map((m) => m.code)).toEqual(expect.arrayContaining([...missing]));
    expect(result?.missing).toHaveLength(missing.length);
    for (const item of result?.missing ?? []) {
      expect(item.labelKey).toBe(
        item.code.startsWith('gate:')
          ? `gate.${item.code.slice(5)}`
          : `missing.${item.code.split(':').pop()}`,
      );
      expect(['overview', 'triage', 'information', 'dossier']).toContain(item.tab);
      expect(item.anchor).toMatch(/^[a-zA-Z-]+$/);
    }
  });

  it('puts each missing request item where it is done: the request field, the dossier form (issue #18)', () => {
    expect(placeOfMissing('request_contents:consequences_for_staff')).toEqual({
      tab: 'overview',
      anchor: 'request-contents-consequencesForStaff',
    });
    expect(placeOfMissing('request_contents:regeling_text')).toEqual({
      tab: 'overview',
      anchor: 'request-contents-regelingText',
    });
    expect(placeOfMissing('request_contents:written_document')).toEqual({
      tab: 'overview',
      anchor: 'request-title',
    });
    expect(placeOfMissing('request_contents:dossier:assessment_submitted')).toEqual({
      tab: 'dossier',
      anchor: 'assessment-submit',
    });
    expect(placeOfMissing('request_contents:dossier:oversight_arrangement')).toEqual({
      tab: 'dossier',
      anchor: 'oversight-form',
    });
    expect(placeOfMissing('request_contents:dossier:training_plan')).toEqual({
      tab: 'dossier',
      anchor: 'add-module',
    });
  });

  it('refuses every action of a draft case, naming the sending first, then what the request still needs', () => {
    const actions = allowedActionsFor({
      track: trackAt('advice', 'screening'),
      facts: facts({ missingRequestContents: ['reasons', 'measures'] }),
      side: 'employer',
      now: NOW,
      caseBlock: 'case_sent',
    });
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => !a.allowed && a.missing[0]?.code === 'case_sent')).toBe(true);
    const submit = actions.find((a) => a.action === 'submit_request');
    expect(submit?.missing.map((m) => m.code)).toEqual(
      expect.arrayContaining([
        'case_sent',
        'request_contents:reasons',
        'request_contents:measures',
      ]),
    );
  });

  it('names only the sending for a draft without a triage', () => {
    const actions = allowedActionsFor({
      track: trackAt('advice', 'screening'),
      facts: { ...facts(), triage: null } as unknown as CaseFacts,
      side: 'employer',
      now: NOW,
      caseBlock: 'case_sent',
    });
    expect(
      actions.every((a) => !a.allowed && a.missing.map((m) => m.code).join() === 'case_sent'),
    ).toBe(true);
  });
});
