import { type OversightContent, oversightGaps, oversightProblems } from './oversight';

const ARRANGEMENT: OversightContent = {
  appliesTo: 'Productivity scores',
  oversightModel: 'single_reviewer',
  overseers: [{ name: 'Anna de Vries', role: 'Team lead', authority: 'both', hoursPerWeek: 4 }],
  knowledgeAndTraining: 'How scores are computed and their limits',
  escalationPath: 'Team lead, then operations director',
  complaintProcedure: {
    contact: 'HR desk, hr@example.test',
    explanation: 'Written explanation within one month',
  },
  protection: '',
  logRetentionMonths: 6,
  reviewDate: '2026-12-01',
};

describe('oversight arrangement rules', () => {
  it('keeps logs at least six months (AI Act 26(6))', () => {
    expect(oversightProblems(ARRANGEMENT)).toEqual([]);
    expect(oversightProblems({ ...ARRANGEMENT, logRetentionMonths: 5 })).toEqual([
      { path: 'logRetentionMonths', message: 'must be at least 6 months (AI Act art. 26(6))' },
    ]);
  });

  it('is complete with a named overseer who can stop the system, an escalation path and a complaint route', () => {
    expect(oversightGaps(ARRANGEMENT)).toEqual([]);
    expect(oversightGaps({ ...ARRANGEMENT, overseers: [] })).toEqual(['overseers']);
    expect(
      oversightGaps({
        ...ARRANGEMENT,
        overseers: [{ ...ARRANGEMENT.overseers[0], authority: 'override' }],
      }),
    ).toEqual(['stop_authority']);
    expect(
      oversightGaps({
        ...ARRANGEMENT,
        escalationPath: ' ',
        complaintProcedure: { contact: '', explanation: '' },
        knowledgeAndTraining: '',
      }),
    ).toEqual([
      'knowledge_and_training',
      'escalation_path',
      'complaint_contact',
      'complaint_explanation',
    ]);
  });
});
