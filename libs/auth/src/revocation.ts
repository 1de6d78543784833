/** What the users table says of a user's tokens: disabled, or every token issued until `revokedAt` withdrawn. */
export interface Revocation {
  disabled: boolean;
  /**
   * When `users disable` or `users passwd` last ran for the user: tokens issued until then (that
   * second included) are no longer valid.
   */
  revokedAt: Date | null;
}

/** Who is revoked, by the token's subject (undefined: nothing is known against them — an API client without a user, say). */
export type RevocationLookup = (subject: string) => Revocation | undefined;

/** Whether the token with this id (`jti`) was withdrawn on its own (its session signed out). */
export type WithdrawnTokens = (tokenId: string) => boolean;

/**
 * Why a token of a user is no longer accepted although its signature and `exp` are fine, or null.
 * `issuedAt` is the token's `iat` (seconds): a token issued in the second of the revocation, or
 * before it, is withdrawn — also after the user is enabled again, so that re-enabling an account
 * does not bring a stolen session back to life; a token without `iat` counts as issued before.
 */
export function revocationReason(revocation: Revocation | undefined, issuedAt: number | undefined): string | null {
  if (!revocation) return null;
  if (revocation.disabled) return 'el usuario está deshabilitado';
  if (revocation.revokedAt && !((issuedAt ?? -Infinity) > Math.floor(revocation.revokedAt.getTime() / 1000)))
    return 'la sesión fue revocada (usuario deshabilitado o contraseña cambiada); inicie sesión de nuevo';
  return null;
}
