import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SetMetadata } from '@nestjs/common';
import { type Principal, confinedTo } from '@seguimiento/auth';
import {
  DirectoryInputError,
  DirectoryWriter,
  EventStore,
  listContacts,
  mailDeliveries,
} from '@seguimiento/persistence';
import { DataSource } from 'typeorm';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import { userError } from '../errors/graphql-errors';
import {
  DirectoryContact,
  MailDelivery,
  RemoveDirectoryContactInput,
  SetDirectoryContactInput,
} from './directory.models';

/** Only an ADMIN edits the directory (the same metadata key the AuthGuard reads). */
const AdminOnly = () => SetMetadata('requiredRoles', ['ADMIN']);

/** The directory of who receives mail, and what happened to the mail sent (issue 18). */
@Resolver()
export class DirectoryResolver {
  private readonly writer: DirectoryWriter;

  constructor(
    private readonly dataSource: DataSource,
    eventStore: EventStore,
  ) {
    this.writer = new DirectoryWriter(dataSource, eventStore);
  }

  @Query(() => [DirectoryContact], {
    description:
      'El directorio: por institución y rol, quién recibe los correos. Un usuario de un OPLE ve el de su OPLE y el del INE.',
  })
  async directory(
    @CurrentPrincipal() who: Principal,
    @Args('institution', { nullable: true, description: 'INE o la clave del OPLE; sin ella, todas.' })
    institution?: string,
  ): Promise<DirectoryContact[]> {
    const wanted = institution?.trim().toUpperCase();
    if (wanted !== 'INE') assertOpleAccess(who, wanted);
    const own = confinedTo(who);
    const all = await listContacts(this.dataSource.manager, wanted);
    return own ? all.filter((c) => c.institution === own || c.institution === 'INE') : all;
  }

  @AdminOnly()
  @Mutation(() => DirectoryContact, { description: 'Da de alta o cambia a una persona del directorio (solo ADMIN).' })
  async setDirectoryContact(
    @Args('input', { description: 'La persona, su rol y su preferencia.' }) input: SetDirectoryContactInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<DirectoryContact> {
    assertOpleAccess(who, input.institution.trim().toUpperCase());
    return this.refuseBadInput(async () => {
      await this.writer.set(input, who.subject);
      const [contact] = (await listContacts(this.dataSource.manager, input.institution.trim().toUpperCase())).filter(
        (c) => c.role === input.role.trim().toUpperCase() && c.email === input.email.trim().toLowerCase(),
      );
      return contact;
    });
  }

  @AdminOnly()
  @Mutation(() => Boolean, { description: 'Quita a una persona de un rol del directorio (solo ADMIN).' })
  async removeDirectoryContact(
    @Args('input', { description: 'La persona y el rol del que se quita.' }) input: RemoveDirectoryContactInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<boolean> {
    assertOpleAccess(who, input.institution.trim().toUpperCase());
    return this.refuseBadInput(async () => {
      await this.writer.remove(input, who.subject);
      return true;
    });
  }

  @Query(() => [MailDelivery], {
    description:
      'Correo enviado: los últimos mensajes del buzón de salida con su estado (rechazos y fallas incluidos). Un usuario de un OPLE ve el de su OPLE.',
  })
  async mailDeliveries(
    @CurrentPrincipal() who: Principal,
    @Args('ople', { nullable: true, description: 'Clave del OPLE de los casos; sin ella, todos.' }) ople?: string,
    @Args('status', { nullable: true, description: 'PENDING, SENT, REFUSED, FAILED o BOUNCED; sin él, todos.' })
    status?: string,
  ): Promise<MailDelivery[]> {
    assertOpleAccess(who, ople);
    return mailDeliveries(this.dataSource.manager, {
      ople: ople ?? confinedTo(who),
      status: status ?? null,
      limit: 200,
    });
  }

  private async refuseBadInput<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DirectoryInputError) throw userError('BAD_USER_INPUT', error.message, error.field);
      throw error;
    }
  }
}
