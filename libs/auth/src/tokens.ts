import { type KeyObject, createSecretKey, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { findOple } from '@seguimiento/domain';
import { type Principal, ROLES, type Role } from './principal';
import { type RevocationLookup, type WithdrawnTokens, revocationReason } from './revocation';

/** Issues and verifies the gateway's bearer tokens (HS256, signed with JWT_SECRET). */
export class Tokens {
  /** The secret as a key object, made once: given a string, jsonwebtoken would parse it as a key on every call (a CPU profile of the gateway showed 7% of its time there). */
  private readonly key: KeyObject;
  /** Who the users table says is disabled or had their tokens withdrawn (`users disable`); none until set. */
  private revocations: RevocationLookup | null = null;
  /** The tokens withdrawn one by one (signed out), by their id (`jti`); none until set. */
  private withdrawn: WithdrawnTokens | null = null;

  constructor(
    secret: string,
    private readonly issuer = 'seguimiento',
  ) {
    if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(principal: Principal, expiresIn: jwt.SignOptions['expiresIn'] = '12h'): string {
    return jwt.sign({ role: principal.role, institution: principal.institution }, this.key, {
      algorithm: 'HS256',
      subject: principal.subject,
      issuer: this.issuer,
      expiresIn,
      // Its own id, so that signing out can withdraw this token alone.
      jwtid: randomUUID(),
    });
  }

  /**
   * From now on, `verify` also refuses the tokens `lookup` says are withdrawn (the user disabled,
   * or their password changed) and, one by one, those `withdrawn` names by id (signed out).
   */
  checkRevocations(lookup: RevocationLookup, withdrawn: WithdrawnTokens | null = null): void {
    this.revocations = lookup;
    this.withdrawn = withdrawn;
  }

  /**
   * What signing out needs of a token this gateway accepts: its id, its subject and when it expires
   * (until then its id is kept withdrawn). Null for a token without an id (issued before tokens had one).
   */
  identify(token: string): { tokenId: string; subject: string; expiresAt: Date } | null {
    this.verify(token);
    const claims = jwt.decode(token) as jwt.JwtPayload;
    if (typeof claims.jti !== 'string' || claims.jti === '') return null;
    return { tokenId: claims.jti, subject: claims.sub as string, expiresAt: new Date((claims.exp as number) * 1000) };
  }

  /** The principal of a valid token; throws with the reason (expired, bad signature, bad claims). */
  verify(token: string): Principal {
    const claims = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: this.issuer }) as jwt.JwtPayload;
    // Every claim is required and typed: a token that never expires, an institution given as a
    // list (["INE"] would print as INE) or a subject that is not a text is not one we issued.
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp))
      throw new Error('el token no tiene fecha de expiración (exp)');
    if (typeof claims.role !== 'string' || !ROLES.includes(claims.role as Role))
      throw new Error('el token no tiene un rol válido');
    const { institution } = claims;
    if (typeof institution !== 'string' || (institution !== 'INE' && !findOple(institution)))
      throw new Error('el token no tiene una institución válida');
    if (
      typeof claims.sub !== 'string' ||
      claims.sub.length === 0 ||
      claims.sub.length > 200 ||
      [...claims.sub].some((c) => c.charCodeAt(0) < 32)
    )
      throw new Error('el token no identifica al usuario (sub)');
    const revoked = this.revocations && revocationReason(this.revocations(claims.sub), claims.iat);
    if (revoked) throw new Error(revoked);
    if (typeof claims.jti === 'string' && this.withdrawn?.(claims.jti))
      throw new Error('la sesión fue cerrada; inicie sesión de nuevo');
    return { subject: claims.sub, role: claims.role as Role, institution };
  }
}
