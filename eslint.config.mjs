// Lint, including the architecture's boundaries: workflow code stays deterministic (it may import
// only @temporalio/workflow, the domain and the contracts), and the domain stays pure.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const only = (allowed, why) => [
  'error',
  {
    patterns: [
      {
        regex: `^(?!(${allowed.join('|')})$)(?!\\.{1,2}/)`,
        message: why,
      },
    ],
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.cache/', '.data/', 'coverage/', '**/*.d.ts', 'apps/web/src/gql/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // A promise nobody awaits loses its rejection: await it, or mark a deliberate fire-and-forget
    // with `void` (and catch there). Type-aware, so TypeScript files only (tsconfig.json's program).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Server code never imports the console (apps/web is browser code, built by Vite).
    files: ['apps/{gateway,cli,worker}/**/*.{ts,js}', 'libs/**/*.ts', 'infra/**/*.{ts,js}', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)apps/web(/|$)|^(\\.\\./)+web/',
              message: 'Server code may not import the console (apps/web).',
            },
          ],
        },
      ],
    },
  },
  {
    // The console is browser code that talks only to the public GraphQL API: no server code, no
    // Node built-ins; from libs/ it may read only the domain's catalogue (pure data: OPLEs, entregables).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.spec.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(@seguimiento/|node:|@nestjs/|@temporalio/|@apollo/|typeorm$|pg$|jsonwebtoken$|luxon$)',
              message: 'The console talks only to the public GraphQL API: no server code or server packages.',
            },
            {
              regex: '^(\\.\\./)+(?:(?:apps/)?(?:gateway|cli|worker)|workflows|infra|libs/(?!domain/src/catalogue/))',
              message:
                'The console may import from outside apps/web only the domain catalogue (libs/domain/src/catalogue).',
            },
          ],
        },
      ],
    },
  },
  {
    // The console's .tsx files get the same type-aware check as every .ts file.
    files: ['apps/web/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['workflows/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': only(
        ['@temporalio/workflow', '@seguimiento/domain', '@seguimiento/contracts'],
        'Workflow code must be deterministic: import only @temporalio/workflow, @seguimiento/domain and @seguimiento/contracts (no Node built-ins, no NestJS, no TypeORM).',
      ),
    },
  },
  {
    files: ['libs/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': only(
        ['@temporalio/workflow', '@seguimiento/domain'],
        'Contracts are shared with workflow code: import only @temporalio/workflow and @seguimiento/domain.',
      ),
    },
  },
  {
    // Repairing text extracted from PDF means matching control characters on purpose.
    files: ['libs/intake/src/**/*.ts'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['libs/intake/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': only(
        ['luxon', '@seguimiento/domain'],
        'The intake parser is pure: no I/O, no framework; it may import only luxon and the domain.',
      ),
    },
  },
  {
    files: ['libs/files/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': only(
        ['unpdf', 'mammoth', 'exceljs', 'mailparser', 'luxon', '@seguimiento/runtime', 'node:[a-z/_]+'],
        'File reading turns bytes into text: it may import only its readers (unpdf, mammoth, exceljs, mailparser), luxon, the runtime and Node built-ins (no framework, no database).',
      ),
    },
  },
  {
    files: ['libs/reports/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': only(
        ['luxon', 'pdfkit', '@seguimiento/domain', '@seguimiento/intake'],
        'Reports are rendered in memory: they may import only luxon, pdfkit, the domain and the intake parser (no I/O, no framework).',
      ),
    },
  },
  {
    // The use cases know no transport: the gateway (GraphQL, Nest) and the CLI are edges around them.
    files: ['libs/application/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['graphql', 'graphql/*', '@nestjs/*', '@apollo/*'],
              message:
                'The application layer is GraphQL-free: no graphql, @nestjs/* or @apollo/* (throw its domain errors; the gateway maps them).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/mail/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': only(
        ['luxon', 'ics', '@seguimiento/domain'],
        'Mails are rendered in memory: they may import only luxon, ics and the domain (no I/O, no framework, no SMTP).',
      ),
    },
  },
  {
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': only(
        ['luxon'],
        'The domain is pure: no I/O, no framework; it may import only luxon (dates).',
      ),
    },
  },
);
