import 'reflect-metadata';

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

import { AccessModule } from '@wc/access';
import { type AppConfig, ClockModule, ConfigError, ConfigModule, loadConfig } from '@wc/config';
import {
  CouncilsModule,
  organisationArchiveRoot,
  type PlatformOrganisationResponse,
  PlatformService,
} from '@wc/councils';
import { DatabaseModule, importOrganisationArchive } from '@wc/database';
import { MAX_PAGE_LIMIT } from '@wc/pagination';

import { openBackupTarget } from './backup-target';

const USAGE = `npm run admin -- <verb> ...
  list
  create-organisation --name <name> --kind employer|union [--headcount <n>]
  invite-admin <organisationId> <email> [--language nl|en]
  invite-operator <email> [--language nl|en]     a platform admin (creates the operator's organisation)
  suspend <organisationId>
  resume <organisationId>                         also cancels a scheduled deletion
  delete <organisationId>                         suspends now, deleted by the worker after the grace period
  import <file>                                   an organisation's export archive from another instance`;

/**
 * `npm run admin -- <verb>`: the platform operator's command (issue #15), against the database of
 * this configuration (DATABASE_URL, or the embedded PostgreSQL of `npm start`), through the same
 * service as the platform-admin screen. Invitations are e-mailed (SMTP_URL) and printed.
 */
async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      kind: { type: 'string' },
      headcount: { type: 'string' },
      language: { type: 'string' },
    },
  });
  const [verb, ...rest] = positionals;
  const config = loadConfig();
  const target = await openBackupTarget(config);
  try {
    if (verb === 'import') {
      const file = required(rest[0], 'the archive file');
      const manifest = await importOrganisationArchive(
        target.ownerUrl,
        resolve(file),
        organisationArchiveRoot,
      );
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Imported ${manifest.organisation.kind} "${manifest.organisation.name}" (${manifest.organisation.id}): ${rows} rows in ${manifest.tables.length} tables, ${manifest.documents.files} document files`,
      );
      return;
    }
    const app = await platformContext({
      ...config,
      database: { ...config.database, url: target.appUrl },
    });
    try {
      await run(app.get(PlatformService), verb, rest, values);
    } finally {
      await app.close();
    }
  } finally {
    await target.release();
  }
}

async function run(
  platform: PlatformService,
  verb: string | undefined,
  args: string[],
  options: { name?: string; kind?: string; headcount?: string; language?: string },
): Promise<void> {
  const language = options.language === 'en' ? 'en' : 'nl';
  switch (verb) {
    case 'list':
      // Every organisation, page by page (the API's one pagination convention).
      for (let cursor: string | undefined, more = true; more;) {
        const page = await platform.list({ limit: MAX_PAGE_LIMIT, cursor });
        for (const o of page.items) {
          console.log(describe(o));
        }
        cursor = page.nextCursor ?? undefined;
        more = cursor !== undefined;
      }
      return;
    case 'create-organisation': {
      const kind = options.kind;
      if (kind !== 'employer' && kind !== 'union') {
        throw new UsageError('--kind must be employer or union');
      }
      const headcount = options.headcount ? Number(options.headcount) : undefined;
      if (headcount !== undefined && !(Number.isInteger(headcount) && headcount > 0)) {
        throw new UsageError('--headcount must be a positive whole number');
      }
      console.log(
        describe(
          await platform.create({ name: required(options.name, '--name'), kind, headcount }),
        ),
      );
      return;
    }
    case 'invite-admin':
    case 'invite-operator': {
      const organisationId =
        verb === 'invite-operator'
          ? (await platform.ensureOperator()).id
          : required(args.shift(), 'the organisation id');
      const email = required(args[0], 'the e-mail address');
      const invitation = await platform.inviteFirstAdmin(null, organisationId, { email, language });
      console.log(
        `Invited ${invitation.email} (${invitation.emailSent ? 'e-mail sent' : 'no e-mail sent: hand over the link'}), valid until ${invitation.expiresAt}:`,
      );
      console.log(invitation.acceptUrl);
      return;
    }
    case 'suspend':
      console.log(describe(await platform.suspend(null, required(args[0], 'the organisation id'))));
      return;
    case 'resume':
      console.log(describe(await platform.resume(required(args[0], 'the organisation id'))));
      return;
    case 'delete':
      console.log(
        describe(await platform.scheduleDeletion(null, required(args[0], 'the organisation id'))),
      );
      return;
    default:
      throw new UsageError(verb ? `unknown verb "${verb}"` : 'name a verb');
  }
}

@Module({})
class AdminModule {}

function platformContext(config: AppConfig): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(
    {
      module: AdminModule,
      // AccessModule fills the outbox's case lock (CASE_LOCK), as in the API and the worker.
      imports: [
        ConfigModule.forRoot(config),
        ClockModule,
        DatabaseModule,
        AccessModule,
        CouncilsModule,
      ],
    },
    { logger: ['error', 'warn'], abortOnError: false },
  );
}

function describe(o: PlatformOrganisationResponse): string {
  const when = o.deletionDueAt ? ` (deleted from ${o.deletionDueAt})` : '';
  return `${o.id}  ${o.kind.padEnd(8)}  ${o.status.padEnd(18)}  ${String(o.people).padStart(4)} people  ${o.name}${when}`;
}

class UsageError extends Error {}

function required(value: string | undefined, what: string): string {
  if (!value) {
    throw new UsageError(`missing ${what}`);
  }
  return value;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
  } else if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
