import {
  allOverseersTrained,
  audienceProgress,
  personKey,
  type TrainingModule,
  type TrainingPlanContent,
  trainingPlanProblems,
} from './training';

function module(key: string, audience: TrainingModule['audience'], hours = 4): TrainingModule {
  return {
    key,
    title: key,
    audience,
    type: 'tool_training',
    hours,
    provider: 'Acme Academy',
    deadline: '2026-05-01',
    duringWorkingTime: true,
    costToEmployee: 0,
  };
}

const PLAN: TrainingPlanContent = {
  audiences: [
    { audience: 'overseers' },
    { audience: 'affected_staff', headcount: 40, people: [{ name: 'Piet Picker' }] },
    { audience: 'council_members', headcount: 2 },
  ],
  modules: [
    module('oversight-basics', 'overseers', 8),
    module('limits', 'overseers', 2),
    module('using-insight', 'affected_staff'),
    module('ai-literacy', 'council_members', 3),
  ],
};
const ANNA = { userId: '00000000-0000-4000-8000-00000000000a', name: 'Anna de Vries' };
const BOB = { name: 'Bob Jansen' };

describe('training progress', () => {
  it('counts an audience as its headcount or its known people, whichever is larger', () => {
    const progress = audienceProgress(
      PLAN,
      [
        { moduleKey: 'using-insight', name: 'piet  picker', completedOn: '2026-03-01' },
        { moduleKey: 'using-insight', name: 'Kees', completedOn: '2026-03-01' },
        { moduleKey: 'ai-literacy', name: 'OR-lid 1', completedOn: '2026-03-01' },
      ],
      [ANNA, BOB],
    );
    expect(progress.map(({ persons: _persons, ...p }) => p)).toEqual([
      { audience: 'overseers', modules: 2, hours: 10, people: 2, completed: 0, percent: 0 },
      { audience: 'affected_staff', modules: 1, hours: 4, people: 40, completed: 2, percent: 5 },
      { audience: 'council_members', modules: 1, hours: 3, people: 2, completed: 1, percent: 50 },
    ]);
    expect(progress[1].persons.map((p) => [p.name, p.done])).toEqual([
      ['Piet Picker', true],
      ['Kees', true],
    ]);
  });

  it('says all overseers are trained only when every overseer completed every overseers module', () => {
    const done = (person: { userId?: string; name: string }, moduleKey: string) => ({
      ...person,
      moduleKey,
      completedOn: '2026-03-01',
    });
    const some = [
      done(ANNA, 'oversight-basics'),
      done(ANNA, 'limits'),
      done(BOB, 'oversight-basics'),
    ];
    expect(allOverseersTrained(PLAN, some, [ANNA, BOB])).toBe(false);
    expect(allOverseersTrained(PLAN, [...some, done(BOB, 'limits')], [ANNA, BOB])).toBe(true);
    // A user id decides when both sides have one: a namesake is someone else.
    expect(
      allOverseersTrained(
        PLAN,
        [
          done(
            { userId: '00000000-0000-4000-8000-00000000000b', name: 'Anna de Vries' },
            'oversight-basics',
          ),
          done({ userId: '00000000-0000-4000-8000-00000000000b', name: 'Anna de Vries' }, 'limits'),
        ],
        [ANNA],
      ),
    ).toBe(false);
    expect(allOverseersTrained(PLAN, [], [])).toBe(false);
    expect(
      allOverseersTrained(
        { ...PLAN, modules: PLAN.modules.filter((m) => m.audience !== 'overseers') },
        [],
        [ANNA],
      ),
    ).toBe(false);
    expect(allOverseersTrained(null, [], [ANNA])).toBe(false);
  });

  it('keys people by user id, else by their normalised name', () => {
    expect(personKey(ANNA)).toBe(`user:${ANNA.userId}`);
    expect(personKey({ name: '  Bob   JANSEN ' })).toBe('name:bob jansen');
  });
});

describe('trainingPlanProblems', () => {
  it('accepts a consistent plan', () => {
    expect(trainingPlanProblems(PLAN)).toEqual([]);
  });

  it('refuses duplicate keys, modules for unlisted audiences and training the employee pays for (BW 7:611a)', () => {
    const plan: TrainingPlanContent = {
      audiences: [{ audience: 'overseers' }, { audience: 'overseers' }],
      modules: [
        module('a', 'overseers'),
        module('a', 'managers'),
        { ...module('b', 'overseers'), costToEmployee: 250 },
      ],
    };
    expect(trainingPlanProblems(plan)).toEqual([
      { path: 'audiences[1].audience', message: 'is listed twice' },
      { path: 'modules[1].key', message: 'is used twice' },
      { path: 'modules[1].audience', message: 'is not one of the plan’s audiences' },
      { path: 'modules[2].costToEmployee', message: 'must be 0: the employer pays (BW 7:611a)' },
    ]);
  });
});
