import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { userError } from '../errors/graphql-errors';
import { authenticate } from './authenticate';
import { requestAuthorization } from './session-cookie';
import { type Principal, type Role } from '@seguimiento/auth';
import { Tokens } from '@seguimiento/auth';

const REQUIRED_ROLES = 'requiredRoles';
/** Operations that change something: only these roles may call them. */
export const Writes = () => SetMetadata(REQUIRED_ROLES, ['OPERATOR', 'ADMIN'] satisfies Role[]);

/**
 * Every GraphQL operation needs a valid bearer token (health and readiness are plain HTTP and
 * need none). The principal is put on the request for resolvers and services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: Tokens,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const request = GqlExecutionContext.create(context).getContext<{
      req: { headers: Record<string, string | undefined>; principal?: Principal };
    }>().req;
    // Over HTTP the request plugin has already verified the token; over WebSocket this does.
    request.principal ??= authenticate(this.tokens, requestAuthorization(request.headers).authorization);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(request.principal.role)) {
      throw userError(
        'FORBIDDEN',
        `El rol ${request.principal.role} no puede realizar esta operación (requiere ${roles.join(' o ')})`,
      );
    }
    return true;
  }
}
