import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';

@ObjectType({
  description: 'Una vista guardada de la consola: una lista filtrada con nombre, compartida con la institución.',
})
export class SavedView {
  @Field(() => ID, { description: 'Identificador de la vista.' })
  id!: string;

  @Field({ description: 'Institución que la comparte: INE o la clave del OPLE.' })
  institution!: string;

  @Field({ description: 'Nombre de la vista.' })
  name!: string;

  @Field({ description: 'Dirección de la lista en la consola, con sus filtros (p. ej. /documentos?ople=GRO).' })
  path!: string;

  @Field({ description: 'Usuario que la guardó (o la cambió) por última vez.' })
  createdBy!: string;

  @Field({ description: 'Cuándo se guardó por primera vez (ISO 8601).' })
  createdAt!: string;
}

@InputType({
  description: 'Una vista que se guarda; si la institución ya tiene una con ese nombre, toma la nueva dirección.',
})
export class SaveViewInput {
  @Field({ description: 'Nombre de la vista (hasta 80 caracteres).' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @Field({
    description: 'Dirección de la lista en la consola: /documentos o /correspondencia con sus filtros.',
  })
  @IsString()
  @MaxLength(4000)
  path!: string;
}

@InputType({ description: 'La vista que se borra.' })
export class DeleteViewInput {
  @Field(() => ID, { description: 'Identificador de la vista.' })
  @IsString()
  @MaxLength(40)
  id!: string;
}
