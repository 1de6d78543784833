import jwt from 'jsonwebtoken';
import { type Principal, Tokens } from '@seguimiento/auth';
import { userError } from '../errors/graphql-errors';

/**
 * The principal behind an `Authorization: Bearer …` value (the header, or the session cookie as
 * `requestAuthorization` turns it into one), or UNAUTHENTICATED with the reason.
 */
export function authenticate(tokens: Tokens, header: string | undefined): Principal {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!token)
    throw userError(
      'UNAUTHENTICATED',
      'Falta el token: envíe el encabezado Authorization: Bearer <token>, o inicie sesión en la consola',
    );
  try {
    return tokens.verify(token);
  } catch (error) {
    const reason =
      error instanceof jwt.TokenExpiredError
        ? 'el token expiró'
        : error instanceof Error
          ? error.message
          : 'token inválido';
    throw userError('UNAUTHENTICATED', `Token no válido: ${reason}`);
  }
}
