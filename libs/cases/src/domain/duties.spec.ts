import { trackAt } from './domain-fixtures';
import { caseDuties, type DutyDeadline, type DutyFacts } from './duties';

const TODAY = '2026-12-02';

function given(overrides: Partial<DutyFacts>): DutyFacts {
  return {
    status: 'sent',
    blocked: false,
    tracks: [],
    deadlines: [],
    informationRequests: [],
    today: TODAY,
    ...overrides,
  };
}

function term(track: string, ruleId: string, strictDate: string, fatal = false): DutyDeadline {
  return {
    id: `${track}:${ruleId}:${strictDate}`,
    track,
    ruleId,
    strictDate,
    fatal,
    status: 'open',
  };
}

describe('caseDuties', () => {
  it('an advice request submitted on 2 December with a 42-day term: the council advises before 13 January, 42 days left', () => {
    const [first] = caseDuties(
      given({
        tracks: [trackAt('advice', 'request_submitted')],
        deadlines: [term('advice', 'advice_response_term', '2027-01-13')],
      }),
    );
    expect(first).toMatchObject({
      side: 'council',
      action: 'record_council_position',
      track: 'advice',
      dueDate: '2027-01-13',
      daysLeft: 42,
      fatal: false,
    });
  });

  it('a fatal appeal term comes before a nearer non-fatal one', () => {
    const duties = caseDuties(
      given({
        tracks: [trackAt('advice', 'suspension'), trackAt('consent', 'council_position')],
        deadlines: [
          term('advice', 'appeal_term', '2027-01-20', true),
          term('advice', 'suspension_term', '2026-12-30'),
          term('consent', 'employer_decision_sla', '2026-12-05'),
        ],
      }),
    );
    expect(duties.map((d) => [d.side, d.action, d.dueDate])).toEqual([
      ['council', 'file_appeal', '2027-01-20'],
      ['employer', 'record_employer_decision', '2026-12-05'],
      ['employer', 'observe_term', '2026-12-30'],
    ]);
  });

  it('an unanswered information request waits for the employer with its due date; an answered one does not', () => {
    const duties = caseDuties(
      given({
        tracks: [trackAt('advice', 'information')],
        informationRequests: [
          { id: 'r1', dueDate: '2026-12-16', answered: false },
          { id: 'r2', dueDate: '2026-12-10', answered: true },
        ],
        deadlines: [term('information:r1', 'information_response_term', '2026-12-16')],
      }),
    );
    expect(duties.map((d) => [d.side, d.action, d.dueDate, d.informationRequestId])).toEqual([
      ['employer', 'answer_information', '2026-12-16', 'r1'],
      ['employer', 'submit_request', null, null],
    ]);
    expect(duties[0]).toMatchObject({ tab: 'information', anchor: 'information-request-r1' });
  });

  it('at the gate the council appears only while its fatal term runs', () => {
    expect(
      caseDuties(given({ tracks: [trackAt('advice', 'go_live_gate')] })).map((d) => d.action),
    ).toEqual(['mark_implemented']);
    expect(
      caseDuties(
        given({
          tracks: [trackAt('advice', 'go_live_gate')],
          deadlines: [term('advice', 'appeal_term', '2027-01-02', true)],
        }),
      ).map((d) => d.action),
    ).toEqual(['file_appeal', 'mark_implemented']);
  });

  it('a draft waits for the employer to send it; a prohibited case asks nothing', () => {
    expect(caseDuties(given({ status: 'draft' })).map((d) => d.action)).toEqual(['send_case']);
    expect(caseDuties(given({ blocked: true, tracks: [trackAt('advice', 'screening')] }))).toEqual(
      [],
    );
  });

  it('closed, withdrawn and held tracks ask nothing', () => {
    expect(
      caseDuties(
        given({
          tracks: [
            trackAt('advice', 'closed'),
            trackAt('consent', 'withdrawn'),
            trackAt('dpia', 'on_hold'),
          ],
        }),
      ),
    ).toEqual([]);
  });
});
