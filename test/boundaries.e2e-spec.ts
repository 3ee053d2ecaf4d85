import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The module boundaries of house style B.3, read from the source (no database): the libs import
 * each other without a cycle, no relative import climbs out of its lib, and no lib but the owner
 * of a table and `@wc/access` names it in SQL (issue #13).
 */
const LIBS = resolve(__dirname, '..', 'libs');
const TESTS = /\.(spec|int-spec)\.ts$/;

/** Every non-test TypeScript file of a lib's src, with its text. */
function sourcesOf(lib: string): Array<{ path: string; text: string }> {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? walk(join(dir, entry.name))
        : entry.name.endsWith('.ts') && !TESTS.test(entry.name)
          ? [join(dir, entry.name)]
          : [],
    );
  return walk(join(LIBS, lib, 'src')).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

const libs = readdirSync(LIBS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const sources = new Map(libs.map((lib) => [lib, sourcesOf(lib)]));
const IMPORT = /(?:from|import)\s*\(?\s*'([^']+)'/g;

/** Libs whose SQL may name every table: visibility (B.3), the test kit and the harness. */
const READS_EVERY_TABLE = new Set(['access', 'testing']);

/**
 * Tables no entity maps, with the lib that owns them: they are written by hand-written SQL of
 * that lib only (or are the migration runner's own).
 */
const TABLES_WITHOUT_ENTITY: Record<string, string> = {
  migrations: 'database',
  // The outbox consumers' queues: each consumer's own (its migration's trigger fills it), claimed
  // through @wc/database's event log, which names no queue but the one it is handed.
  realtime_delivery: 'realtime',
  notification_relay_delivery: 'notifications',
  webhook_relay_delivery: 'webhooks',
  evaluation_planning_delivery: 'evaluations',
};

/** The table each entity maps, by the lib that declares it, and each entity class's table. */
function tableOwners(): { owners: Map<string, string>; entities: Map<string, string> } {
  const owners = new Map(Object.entries(TABLES_WITHOUT_ENTITY));
  const entities = new Map<string, string>();
  for (const [lib, files] of sources) {
    for (const { text } of files) {
      const entity = /@Entity\(\s*(?:\{\s*name:\s*)?'([a-z_0-9]+)'[\s\S]*?export class (\w+)/g;
      for (const [, table, className] of text.matchAll(entity)) {
        owners.set(table, lib);
        entities.set(className, table);
      }
    }
  }
  return { owners, entities };
}

/** Tables read through another lib's entity class (query builders, `manager.find`). */
function tablesByEntityIn(text: string, entities: Map<string, string>): Set<string> {
  const found = new Set<string>();
  for (const [, names] of text.matchAll(
    /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@wc\/[a-z-]+'/g,
  )) {
    for (const name of names.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim())) {
      const table = entities.get(name);
      if (table) {
        found.add(table);
      }
    }
  }
  return found;
}

/** Table names in the SQL of a file: what follows FROM, JOIN, UPDATE, INTO or DELETE FROM. */
function tablesNamedIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const literal of text.matchAll(/`[^`]*`|'(?:[^'\\\n]|\\.)*'/g)) {
    for (const match of literal[0].matchAll(
      /\b(?:FROM|JOIN|UPDATE|INTO)\s+"?([a-z_][a-z_0-9]*)"?/gi,
    )) {
      found.add(match[1]);
    }
  }
  return found;
}

describe('module boundaries (house style B.3)', () => {
  it('has no import cycle between libs', () => {
    const graph = new Map<string, Set<string>>();
    for (const [lib, files] of sources) {
      const deps = new Set<string>();
      for (const { text } of files) {
        for (const [, spec] of text.matchAll(IMPORT)) {
          const target = /^@wc\/([a-z-]+)$/.exec(spec)?.[1];
          if (target && target !== lib && sources.has(target)) {
            deps.add(target);
          }
        }
      }
      graph.set(lib, deps);
    }
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (lib: string, path: string[]): void => {
      if (state.get(lib) === 'done') {
        return;
      }
      if (state.get(lib) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(lib)), lib].join(' → '));
        return;
      }
      state.set(lib, 'visiting');
      for (const dep of graph.get(lib) ?? []) {
        visit(dep, [...path, lib]);
      }
      state.set(lib, 'done');
    };
    libs.forEach((lib) => visit(lib, []));
    expect(cycles).toEqual([]);
    // The graph was read at all: cases depends on access.
    expect(graph.get('cases')?.has('access')).toBe(true);
  });

  it('has no relative import that leaves its lib', () => {
    const climbing: string[] = [];
    for (const [lib, files] of sources) {
      const root = join(LIBS, lib) + sep;
      for (const { path, text } of files) {
        for (const [, spec] of text.matchAll(IMPORT)) {
          if (spec.startsWith('.') && !resolve(dirname(path), spec).startsWith(root)) {
            climbing.push(`${relative(LIBS, path)}: ${spec}`);
          }
        }
      }
    }
    expect(climbing).toEqual([]);
  });

  it('reads a table only in its owner lib and @wc/access', () => {
    const { owners, entities } = tableOwners();
    // Entities were found: the case aggregate's tables belong to cases.
    expect([owners.get('ai_case'), owners.get('case_track')]).toEqual(['cases', 'cases']);
    // No exceptions (issue #13): a read another lib needs goes through the owner's API, or into
    // @wc/access when it is a visibility question.
    const foreign: string[] = [];
    for (const [lib, files] of sources) {
      if (READS_EVERY_TABLE.has(lib)) {
        continue;
      }
      for (const { path, text } of files) {
        for (const table of new Set([
          ...tablesNamedIn(text),
          ...tablesByEntityIn(text, entities),
        ])) {
          const owner = owners.get(table);
          if (owner && owner !== lib) {
            foreign.push(`${relative(LIBS, path)}: ${table} (owned by ${owner})`);
          }
        }
      }
    }
    expect(foreign).toEqual([]);
  });
});
