import { SetMetadata } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@seguimiento/auth';
import { SavedViewInputError, deleteView, listViews, saveView } from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { CurrentPrincipal } from '../auth/current-principal';
import { userError } from '../errors/graphql-errors';
import { DeleteViewInput, SaveViewInput, SavedView } from './saved-views.models';

/** Saving a view records nothing about any case: every signed-in role may (the same key the AuthGuard reads). */
const AnyRole = () => SetMetadata('requiredRoles', ['SUPERVISOR', 'OPERATOR', 'ADMIN']);

/**
 * The console's saved views, shared within the user's institution (INE, or their OPLE): each user
 * reads, saves and deletes only their institution's views.
 */
@Resolver()
export class SavedViewsResolver {
  constructor(private readonly dataSource: DataSource) {}

  @Query(() => [SavedView], { description: 'Las vistas guardadas de la institución del usuario, por nombre.' })
  savedViews(@CurrentPrincipal() who: Principal): Promise<SavedView[]> {
    return listViews(this.dataSource.manager, who.institution);
  }

  @AnyRole()
  @Mutation(() => SavedView, {
    description:
      'Guarda una lista filtrada de la consola con un nombre, para la institución del usuario (cualquier rol); el mismo nombre la reemplaza.',
  })
  saveView(
    @Args('input', { description: 'El nombre y la dirección de la vista.' }) input: SaveViewInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<SavedView> {
    return refuseBadInput(() =>
      saveView(this.dataSource.manager, {
        institution: who.institution,
        name: input.name,
        path: input.path,
        createdBy: who.subject,
      }),
    );
  }

  @AnyRole()
  @Mutation(() => Boolean, { description: 'Borra una vista guardada de la institución del usuario.' })
  async deleteView(
    @Args('input', { description: 'La vista que se borra.' }) input: DeleteViewInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<boolean> {
    const deleted = await refuseBadInput(() => deleteView(this.dataSource.manager, who.institution, input.id));
    if (!deleted) throw userError('NOT_FOUND', 'Su institución no tiene una vista con ese identificador.', 'id');
    return true;
  }
}

async function refuseBadInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof SavedViewInputError) throw userError('BAD_USER_INPUT', error.message, error.field);
    throw error;
  }
}
