import 'reflect-metadata';

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { getMetadataStorage } from 'class-validator';
import * as ts from 'typescript';

import {
  DEADLINE_RULE_TEXTS,
  deadlineRuleSource,
  labelMessages,
  plainSource,
  VALUE_LABELS,
} from '@wc/texts';

import { en } from '../apps/web/src/messages/en';
import { nl } from '../apps/web/src/messages/nl';
import { DEADLINE_RULE_IDS } from '../libs/deadlines/src/domain';

/**
 * Issue #18: every stable error code the API answers with and every validation constraint a DTO
 * declares has a Dutch and an English text in the web's catalogue (`problem.<code>`,
 * `field.<constraint>`), so the web never shows the server's English `detail` or `message`. Read
 * from the source and the decorators' metadata; no database.
 */
const ROOT = resolve(__dirname, '..');
const catalogues = { nl, en } as Record<'nl' | 'en', Record<string, string>>;

/** The string literals an `ErrorCode` can be, template types (`${NotFoundSubject}.not_found`) expanded. */
function errorCodes(): string[] {
  const path = join(ROOT, 'libs', 'contracts', 'src', 'errors.ts');
  const source = ts.createSourceFile(
    path,
    readFileSync(path, 'utf8'),
    ts.ScriptTarget.ES2022,
    true,
  );
  const aliases = new Map<string, ts.TypeNode>();
  source.forEachChild((node) => {
    if (ts.isTypeAliasDeclaration(node)) {
      aliases.set(node.name.text, node.type);
    }
  });
  const expand = (type: ts.TypeNode): string[] => {
    if (ts.isUnionTypeNode(type)) {
      return type.types.flatMap(expand);
    }
    if (ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal)) {
      return [type.literal.text];
    }
    if (ts.isTypeReferenceNode(type)) {
      const alias = aliases.get(type.typeName.getText(source));
      if (!alias) {
        throw new Error(`errors.ts: unknown type ${type.getText(source)}`);
      }
      return expand(alias);
    }
    if (ts.isTemplateLiteralTypeNode(type)) {
      let out = [type.head.text];
      for (const span of type.templateSpans) {
        const values = expand(span.type);
        out = out.flatMap((prefix) => values.map((v) => `${prefix}${v}${span.literal.text}`));
      }
      return out;
    }
    throw new Error(`errors.ts: cannot expand ${type.getText(source)}`);
  };
  return expand(aliases.get('ErrorCode')!);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' ? [] : sourceFiles(path);
    }
    return /(?<!\.spec|\.int-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The constraint names a failed validation can carry: every decorator of every DTO (loaded here
 * so their metadata registers), and the ones the API's validation pipe adds itself.
 */
function constraints(): string[] {
  const files = [join(ROOT, 'apps', 'api', 'src'), join(ROOT, 'libs')]
    .flatMap(sourceFiles)
    .filter((file) => readFileSync(file, 'utf8').includes("from 'class-validator'"));
  for (const file of files) {
    // Loading the module is what registers its decorators' metadata.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  }
  const storage = getMetadataStorage() as unknown as {
    validationMetadatas: Map<unknown, Array<{ type: string; constraintCls: unknown }>>;
    getTargetValidatorConstraints(cls: unknown): Array<{ name: string }>;
  };
  const names = new Set<string>([
    // createValidationPipe: unknown fields, a nested DTO left out, text PostgreSQL cannot store.
    'whitelistValidation',
    'isDefined',
    'unstorable_text',
  ]);
  for (const list of storage.validationMetadatas.values()) {
    for (const metadata of list) {
      if (metadata.type === 'customValidation') {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
          names.add(constraint.name);
        }
      } else if (metadata.type !== 'conditionalValidation') {
        // `@IsOptional`/`@ValidateIf` never fail; `nestedValidation` fails on a non-object.
        names.add(metadata.type);
      }
    }
  }
  return [...names].sort();
}

describe('message catalogue (issue #18)', () => {
  const codes = errorCodes();

  it('reads the error codes of errors.ts', () => {
    expect(codes.length).toBeGreaterThan(200);
    expect(codes).toContain('case.not_found');
    expect(codes).toContain('vote.version_conflict');
  });

  it.each(['nl', 'en'] as const)('has a %s text for every server error code', (lang) => {
    const missing = codes.filter((code) => !catalogues[lang][`problem.${code}`]?.trim());
    expect(missing).toEqual([]);
  });

  it.each(['nl', 'en'] as const)(
    'has a %s text for every validation constraint the DTOs declare',
    (lang) => {
      const names = constraints();
      expect(names).toEqual(expect.arrayContaining(['isUuid', 'maxLength', 'isIso8601']));
      const missing = names.filter((name) => !catalogues[lang][`field.${name}`]?.trim());
      expect(missing).toEqual([]);
    },
  );

  it('has the same placeholders in both languages', () => {
    const placeholders = (text: string) =>
      [...text.matchAll(/\{(\w+)(?=[,}])/g)].map((m) => m[1]).sort();
    const differing = Object.keys(nl).filter(
      (key) =>
        JSON.stringify([...new Set(placeholders(catalogues.nl[key]))]) !==
        JSON.stringify([...new Set(placeholders(catalogues.en[key]))]),
    );
    expect(differing).toEqual([]);
  });

  it('shows the texts the server renders (PDF, e-mails) as the web does, from @wc/texts', () => {
    for (const lang of ['nl', 'en'] as const) {
      const shared = labelMessages(VALUE_LABELS[lang]) as Record<string, string>;
      const differing = Object.keys(shared).filter((key) => catalogues[lang][key] !== shared[key]);
      expect(differing).toEqual([]);
      for (const ruleId of DEADLINE_RULE_IDS) {
        expect(catalogues[lang][`ruleSource.${ruleId}`]).toBe(deadlineRuleSource(ruleId, lang));
        expect(deadlineRuleSource(ruleId, lang)).not.toBe('');
      }
    }
  });

  it('says the legal sources in plain language, never a research id or an internal note', () => {
    expect(plainSource('W7', 'nl')).toBe('art. 25 lid 6 WOR');
    expect(plainSource('W7', 'en')).toBe('WOR art. 25(6)');
    expect(plainSource('E2', 'nl')).toBe('art. 5 lid 1 onder f AI-verordening');
    expect(plainSource('AI Act Annex III(1)', 'nl')).toBe('bijlage III punt 1 AI-verordening');
    expect(plainSource('B1', 'nl')).toBe('art. 7:611a BW');
    expect(plainSource('legal-rules (d)5', 'nl')).toBeNull();
    for (const { source } of Object.values(DEADLINE_RULE_TEXTS)) {
      expect(source.nl).not.toMatch(/legal-rules|SLA|\b[WEGB]\d+\b/);
    }
  });
});
