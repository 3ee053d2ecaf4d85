// One Jest run for every tier: unit (*.spec.ts), integration (*.int-spec.ts) and e2e (test/*.e2e-spec.ts).
// SWC compiles TypeScript with decorator metadata, which NestJS dependency injection needs.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

// otplib's crypto and base32 plugins (@noble, @scure) and openid-client (with oauth4webapi and
// jose) ship ES modules only; Jest's CommonJS loader needs them compiled (Node itself loads them
// through require(esm)).
const ESM_ONLY = '(@scure|@noble|@otplib|otplib|openid-client|oauth4webapi|jose)';
const swcJs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/apps/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': swc, [`/node_modules/${ESM_ONLY}/.+\\.m?js$`]: swcJs },
  transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  moduleNameMapper: { '^@wc/migrations$': '<rootDir>/migrations',
    '^@wc/(api|worker)$': '<rootDir>/apps/$1/src',
    '^@wc/(.*)$': '<rootDir>/libs/$1/src' },
  globalSetup: '<rootDir>/test/jest-global-setup.js',
  globalTeardown: '<rootDir>/test/jest-global-teardown.js',
  testTimeout: 60000,
  maxWorkers: process.env.CI ? 2 : '50%',
};
