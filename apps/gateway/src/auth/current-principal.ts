import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { userError } from '../errors/graphql-errors';
import { type Principal, confinedTo } from '@seguimiento/auth';

/** The authenticated principal of the current GraphQL request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return GqlExecutionContext.create(context).getContext<{ req: { principal: Principal } }>().req.principal;
});

/** Refuses access to another OPLE's data for a user confined to one OPLE. */
export function assertOpleAccess(principal: Principal, ople: string | null | undefined): void {
  const own = confinedTo(principal);
  if (own && ople && ople !== own)
    throw userError(
      'FORBIDDEN',
      `Su usuario pertenece a ${own}: no puede consultar ni registrar información de ${ople}`,
    );
}
