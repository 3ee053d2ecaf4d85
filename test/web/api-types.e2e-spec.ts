import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The web app's API types are generated from the committed openapi.json, never written by hand:
 * after `npm run openapi`, regenerate them with
 * `npx openapi-typescript openapi.json -o apps/web/src/api/schema.d.ts`.
 */
describe('web app API types', () => {
  it('match openapi.json', () => {
    const root = join(__dirname, '..', '..');
    const generated = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'openapi-typescript', 'bin', 'cli.js'), 'openapi.json'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(generated.status).toBe(0);
    const committed = readFileSync(join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts'), 'utf8');
    expect(
      committed === generated.stdout
        ? 'in sync'
        : 'apps/web/src/api/schema.d.ts is stale: run npx openapi-typescript openapi.json -o apps/web/src/api/schema.d.ts',
    ).toBe('in sync');
  });
});
