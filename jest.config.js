// Two Jest projects: `unit` (pure logic, no servers) and `e2e` (real Temporal + real PostgreSQL,
// started by the test harness itself; run in band with a long timeout).
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

// Transpile only (tsconfig.json sets isolatedModules): `npm run typecheck` does the type checking.
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }] },
  rootDir: __dirname,
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      // test/**/*.spec.ts: the pure parts of the e2e and reliability harnesses (their invariants, say).
      testMatch: ['<rootDir>/{apps,libs,workflows,infra,test}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-e2e.setup.ts'],
      slowTestThreshold: 60,
    },
    {
      ...common,
      displayName: 'reliability',
      testMatch: ['<rootDir>/test/reliability/**/*.reliability-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/jest-reliability.setup.ts'],
      slowTestThreshold: 600,
    },
  ],
};
