import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@seguimiento/runtime';

/**
 * Lints a snippet as if it lived at `filePath`, with the project's real ESLint configuration minus
 * its type-aware rule: the snippet's file is in no TypeScript program (and building one takes
 * seconds per run), and the boundaries are import rules, which need no types.
 */
function lint(filePath: string, code: string): { ok: boolean; output: string } {
  const root = repoRoot();
  const untyped = [
    '--parser-options',
    'projectService:false',
    '--rule',
    '@typescript-eslint/no-floating-promises: off',
  ];
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--stdin', '--stdin-filename', filePath, ...untyped],
    {
      cwd: root,
      input: code,
      encoding: 'utf8',
    },
  );
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}

describe('lint enforces the architecture', () => {
  it.each([
    ['workflow code', "import { readFileSync } from 'node:fs';", 'node:fs'],
    ['workflow code', "import { Injectable } from '@nestjs/common';", '@nestjs/common'],
    ['workflow code', "import { DataSource } from 'typeorm';", 'typeorm'],
    ['workflow code', "import { Client } from '@temporalio/client';", '@temporalio/client'],
    ['workflow code', "import { EventStore } from '@seguimiento/persistence';", '@seguimiento/persistence'],
    ['the application layer', "import { GraphQLError } from 'graphql';", 'graphql'],
    ['the application layer', "import { Injectable } from '@nestjs/common';", '@nestjs/common'],
    ['the application layer', "import { Field } from '@nestjs/graphql';", '@nestjs/graphql'],
    ['the application layer', "import { ApolloServer } from '@apollo/server';", '@apollo/server'],
  ])('in %s, refuses %s', (where, line, name) => {
    const filePath =
      where === 'workflow code' ? 'workflows/src/example.workflow.ts' : 'libs/application/src/example.ts';
    const { ok, output } = lint(filePath, `${line}\nexport const x = 1;\n`);
    expect(ok).toBe(false);
    expect(output).toContain(`'${name}' import is restricted`);
  });

  it('accepts the workflow SDK, the domain, the contracts and relative imports in workflow code', () => {
    const code = [
      "import { sleep } from '@temporalio/workflow';",
      "import { decide } from '@seguimiento/domain';",
      "import { DOCUMENTS_TASK_QUEUE } from '@seguimiento/contracts';",
      "import { documentWorkflow } from './document.workflow';",
      'export const all = [sleep, decide, DOCUMENTS_TASK_QUEUE, documentWorkflow];',
    ].join('\n');
    expect(lint('workflows/src/example.workflow.ts', `${code}\n`)).toEqual({ ok: true, output: '' });
  });

  it('keeps the domain free of I/O and frameworks', () => {
    expect(lint('libs/domain/src/example.ts', "import { Client } from 'pg';\nexport const c = Client;\n").ok).toBe(
      false,
    );
    expect(
      lint('libs/domain/src/example.ts', "import { DateTime } from 'luxon';\nexport const d = DateTime;\n").ok,
    ).toBe(true);
  });

  it('lets the application layer import the domain, the contracts and the intake parser', () => {
    const code = [
      "import { decideDocument } from '@seguimiento/domain';",
      "import { submitDocumentUpdate } from '@seguimiento/contracts';",
      "import { planIngest } from '@seguimiento/intake';",
      'export const all = [decideDocument, submitDocumentUpdate, planIngest];',
    ].join('\n');
    expect(lint('libs/application/src/example.ts', `${code}\n`)).toEqual({ ok: true, output: '' });
  });
});
