import { assertOpleAccess } from './current-principal';
import { type Principal, confinedTo } from '@seguimiento/auth';

/**
 * The OPLE a list is about: the one asked for, checked against the user's; a user of an OPLE
 * always gets only theirs, INE's users whatever they ask (or all).
 */
export function scopedOple(principal: Principal, asked: string | undefined): string | undefined {
  assertOpleAccess(principal, asked);
  return confinedTo(principal) ?? asked;
}
