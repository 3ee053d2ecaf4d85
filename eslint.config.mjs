// Lint guards what review misses: floating promises, focused/skipped tests, deep and climbing
// imports across libs (house style B.3, B.14, B.15).
import js from '@eslint/js';
import globals from 'globals';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      '.data/**',
      'apps/web/dist/**',
      'apps/web/src/api/schema.d.ts',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      'bench/results/**',
      'apps/api/src/swagger-metadata*.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { arguments: false } },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // A new member of a union type must be handled wherever the type is switched on.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      eqeqeq: 'error',
      curly: 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@wc/*/src', '@wc/*/src/**'],
              message: 'Import a lib through its index (@wc/name).',
            },
            { group: ['../*'], message: 'No climbing imports: use @wc/* or ./ siblings.' },
          ],
        },
      ],
    },
  },
  {
    // The web app: browser code with its own tsconfig (apps/web/tsconfig.json, found by the
    // project service). It reaches the server over HTTP and the socket only, never by import;
    // the exceptions are the types of @wc/contracts (events, socket messages, error codes) and
    // @wc/texts, plain data and pure functions the server shows too (bundled by Vite).
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@wc/*',
                '!@wc/contracts',
                '!@wc/texts',
                '@wc/contracts/**',
                '@wc/texts/**',
                '@nestjs/*',
                'typeorm',
                'node:*',
              ],
              message: 'The web app talks to the API over HTTP; it imports no server code.',
            },
            {
              group: ['@wc/contracts'],
              allowTypeImports: true,
              message: 'The web imports @wc/contracts with `import type` only.',
            },
          ],
        },
      ],
      // `import { type X }` would leave a runtime import of a package the bundle cannot resolve.
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='@wc/contracts'][importKind!='type']",
          message: "Write `import type { ... } from '@wc/contracts'`.",
        },
      ],
    },
  },
  {
    // Types only, shared with the browser: no framework, no other lib, no runtime values.
    files: ['libs/contracts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', '@wc/*', 'node:*'],
              message: '@wc/contracts holds types only and imports nothing.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Program > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration), ExportNamedDeclaration > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration)',
          message: '@wc/contracts holds types only: the web imports it with `import type`.',
        },
      ],
    },
  },
  {
    // Bundled into the browser as it is: plain data and pure functions, no framework, no other lib.
    files: ['libs/texts/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', '@wc/*', 'node:*'],
              message: '@wc/texts runs in the browser too and imports nothing.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/core/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@nestjs/*', 'typeorm'], message: '@wc/core stays framework-free.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    plugins: { jest },
    rules: {
      ...jest.configs['flat/recommended'].rules,
      'jest/no-focused-tests': 'error',
      'jest/no-disabled-tests': 'error',
      'jest/valid-expect': 'error',
      'jest/expect-expect': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/consistent-type-imports': 'off',
      // supertest and socket.io hand tests untyped bodies (`any`) on purpose: the test's
      // assertions are what checks their shape, so the no-unsafe family would only add casts.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@wc/*/src', '@wc/*/src/**'], message: 'Import a lib through its index.' },
          ],
        },
      ],
    },
  },
);
