import type { FieldProblem } from '@wc/core';

import type { Person } from './oversight';

/** Who a training is for (seed-requirements 3; 004 l.1579, l.1461, l.1503, l.1672). */
export type AudienceKey =
  'overseers' | 'affected_staff' | 'council_members' | 'managers' | 'hr' | 'ict' | 'other';
export const AUDIENCE_KEYS: readonly AudienceKey[] = [
  'overseers',
  'affected_staff',
  'council_members',
  'managers',
  'hr',
  'ict',
  'other',
];

export type ModuleType =
  'instruction' | 'tool_training' | 'ai_literacy' | 'upskilling' | 'reskilling' | 'career_path';
export const MODULE_TYPES: readonly ModuleType[] = [
  'instruction',
  'tool_training',
  'ai_literacy',
  'upskilling',
  'reskilling',
  'career_path',
];

export interface Audience {
  readonly audience: AudienceKey;
  readonly description?: string;
  /** How many people the audience has; named people may be fewer. */
  readonly headcount?: number;
  readonly people?: readonly Person[];
}

export interface TrainingModule {
  /** Stable within the plan, e.g. `overseer-basics`; completions refer to it. */
  readonly key: string;
  readonly title: string;
  readonly audience: AudienceKey;
  readonly type: ModuleType;
  readonly hours: number;
  readonly provider: string;
  readonly deadline: string;
  /** BW 7:611a: training the employer must provide counts as working time, where possible during it. */
  readonly duringWorkingTime: boolean;
  /** BW 7:611a: such training is free of charge for the employee; always 0 here. */
  readonly costToEmployee: number;
}

export interface TrainingPlanContent {
  readonly audiences: readonly Audience[];
  readonly modules: readonly TrainingModule[];
}

export interface Completion extends Person {
  readonly moduleKey: string;
  readonly completedOn: string;
}

/** Plan rules beyond field types: unique keys, modules for listed audiences, free training. */
export function trainingPlanProblems(plan: TrainingPlanContent): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const audiences = new Set<string>();
  plan.audiences.forEach((a, i) => {
    if (audiences.has(a.audience)) {
      problems.push({ path: `audiences[${i}].audience`, message: 'is listed twice' });
    }
    audiences.add(a.audience);
  });
  const keys = new Set<string>();
  plan.modules.forEach((m, i) => {
    if (keys.has(m.key)) {
      problems.push({ path: `modules[${i}].key`, message: 'is used twice' });
    }
    keys.add(m.key);
    if (!audiences.has(m.audience)) {
      problems.push({
        path: `modules[${i}].audience`,
        message: 'is not one of the plan’s audiences',
      });
    }
    if (m.costToEmployee > 0) {
      // BW 7:611a: training the employer must provide is free; no study-cost clause applies [B1]
      problems.push({
        path: `modules[${i}].costToEmployee`,
        message: 'must be 0: the employer pays (BW 7:611a)',
      });
    }
  });
  return problems;
}

const normalised = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/** One identity per person: the platform user when known, else the written name. */
export function personKey(person: Person): string {
  return person.userId ? `user:${person.userId}` : `name:${normalised(person.name)}`;
}

/** A completion belongs to a person by user id when both have one, else by name. */
export function isSamePerson(a: Person, b: Person): boolean {
  if (a.userId && b.userId) {
    return a.userId === b.userId;
  }
  return normalised(a.name) === normalised(b.name);
}

export interface PersonProgress extends Person {
  readonly completedModules: readonly string[];
  readonly done: boolean;
}

export interface AudienceProgress {
  readonly audience: AudienceKey;
  readonly modules: number;
  readonly hours: number;
  /** The audience's size: its headcount, or the people known, whichever is larger. */
  readonly people: number;
  readonly completed: number;
  readonly percent: number;
  readonly persons: readonly PersonProgress[];
}

/** Which of `modules` the person completed; done when all of them (and there is at least one). */
export function personProgress(
  person: Person,
  modules: readonly TrainingModule[],
  completions: readonly Completion[],
): PersonProgress {
  const completedModules = modules
    .filter((m) => completions.some((c) => c.moduleKey === m.key && isSamePerson(c, person)))
    .map((m) => m.key);
  return {
    ...person,
    completedModules,
    done: modules.length > 0 && completedModules.length === modules.length,
  };
}

/**
 * Completion per audience. The overseers audience is made of the oversight arrangement's
 * overseers when there is one; other audiences of their named people plus anyone with a
 * recorded completion of one of their modules.
 */
export function audienceProgress(
  plan: TrainingPlanContent,
  completions: readonly Completion[],
  overseers: readonly Person[] | null,
): AudienceProgress[] {
  return plan.audiences.map((a) => {
    const modules = plan.modules.filter((m) => m.audience === a.audience);
    const known: Person[] = [
      ...(a.audience === 'overseers' && overseers ? overseers : (a.people ?? [])),
    ];
    for (const c of completions) {
      if (modules.some((m) => m.key === c.moduleKey) && !known.some((p) => isSamePerson(p, c))) {
        known.push(c.userId ? { userId: c.userId, name: c.name } : { name: c.name });
      }
    }
    const persons = known.map((p) => personProgress(p, modules, completions));
    const people = Math.max(a.headcount ?? 0, persons.length);
    const completed = persons.filter((p) => p.done).length;
    return {
      audience: a.audience,
      modules: modules.length,
      hours: modules.reduce((sum, m) => sum + m.hours, 0),
      people,
      completed,
      percent: people === 0 ? 0 : Math.floor((completed * 100) / people),
      persons,
    };
  });
}

/**
 * "All overseers trained" for the go-live gate (AI Act 26(2), 14(4), art. 4): there are
 * overseers, the plan has modules for the overseers audience, and every overseer completed each.
 */
export function allOverseersTrained(
  plan: TrainingPlanContent | null,
  completions: readonly Completion[],
  overseers: readonly Person[],
): boolean {
  const modules = plan?.modules.filter((m) => m.audience === 'overseers') ?? [];
  return (
    overseers.length > 0 &&
    modules.length > 0 &&
    overseers.every((o) => personProgress(o, modules, completions).done)
  );
}
