import { findOple } from '@seguimiento/domain';
import { assertOpleAccess } from './current-principal';
import { type Principal, confinedTo } from '@seguimiento/auth';
import { userError } from '../errors/graphql-errors';

/**
 * The OPLE a list is about: the one asked for, known and checked against the user's; a user of an
 * OPLE always gets only theirs, INE's users whatever they ask (or all). An OPLE that does not
 * exist is refused naming `field`, as the mutations do: an empty answer would read as good news.
 */
export function scopedOple(principal: Principal, asked: string | undefined, field = 'ople'): string | undefined {
  if (asked && !findOple(asked))
    throw userError(
      'BAD_USER_INPUT',
      `${field}: "${asked.slice(0, 40)}" no es un OPLE conocido (clave de tres letras del estado, p. ej. GRO)`,
      field,
    );
  assertOpleAccess(principal, asked);
  return confinedTo(principal) ?? asked;
}
