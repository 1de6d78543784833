import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokens } from '@seguimiento/auth';
import { type GraphQLResponse, graphql } from '@seguimiento/infra/graphql-client';
import { repoRoot } from '@seguimiento/runtime';
import { ServerError } from './usage';

export interface Connection {
  url: string;
  token: string;
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * Where the API is and who the CLI is: SEGUIMIENTO_URL and SEGUIMIENTO_TOKEN, or, on the machine
 * that runs `npm start`, a token it signs itself with the secret in the data folder (an INE
 * operator called cli@<user>; an INE admin for the directory's changes), so that the commands work
 * out of the box there.
 */
export function connect(env: NodeJS.ProcessEnv = process.env, role: 'OPERATOR' | 'ADMIN' = 'OPERATOR'): Connection {
  const url = env.SEGUIMIENTO_URL ?? 'http://127.0.0.1:4000/graphql';
  const token = env.SEGUIMIENTO_TOKEN ?? localToken(env, role);
  return {
    url,
    token,
    async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      let answer: GraphQLResponse<T>;
      try {
        answer = await graphql<T>(url, query, variables, { authorization: `Bearer ${token}` });
      } catch (error) {
        const cause = (error as { cause?: { code?: string; message?: string } }).cause;
        const why = cause?.code ?? cause?.message ?? (error as Error).message;
        throw new ServerError(
          `no se pudo hablar con ${url} (${why}): ¿está corriendo npm start, o es otra la SEGUIMIENTO_URL?`,
        );
      }
      if (answer.errors?.length) {
        const [first] = answer.errors;
        throw new ServerError(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
      }
      return answer.data as T;
    },
  };
}

function localToken(env: NodeJS.ProcessEnv, role: 'OPERATOR' | 'ADMIN'): string {
  const secretFile = join(env.SEGUIMIENTO_DATA_DIR || join(repoRoot(), '.data'), 'jwt-secret');
  const secret = env.JWT_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : null);
  if (!secret)
    throw new ServerError(
      `falta SEGUIMIENTO_TOKEN (un token Bearer de la API; npm start imprime uno por rol) y no hay secreto local en ${secretFile}`,
    );
  const user = env.USER ?? env.USERNAME ?? 'local';
  return new Tokens(secret).issue({ subject: `cli@${user}`, role, institution: 'INE' }, '1h');
}
