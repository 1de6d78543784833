import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Document } from '../../documents/models/document.model';
import { DocumentStatus, VersionKind } from '../../common/enums';

@ObjectType({ description: 'Información de paginación.' })
export class PageInfo {
  @Field({ description: 'Si hay más resultados después de esta página.' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor del último resultado: páselo como `after` para la página siguiente.',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'Un documento dentro de una lista paginada.' })
export class DocumentEdge {
  @Field({ description: 'Cursor de este resultado.' })
  cursor!: string;

  @Field(() => Document, { description: 'El documento.' })
  node!: Document;
}

@ObjectType({ description: 'Una página de documentos.' })
export class DocumentConnection {
  @Field(() => [DocumentEdge], { description: 'Los documentos de la página.' })
  edges!: DocumentEdge[];

  @Field(() => PageInfo, { description: 'Paginación.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Cuántos documentos cumplen los filtros, en total.' })
  totalCount!: number;
}

@ObjectType({ description: 'Un conteo por valor.' })
export class CountBy {
  @Field({ description: 'El valor (estado, o quién tiene la pelota).' })
  key!: string;

  @Field(() => Int, { description: 'Cuántos documentos.' })
  count!: number;
}

@ObjectType({ description: 'Un pendiente con su plazo (documento o solicitud).' })
export class DueItem {
  @Field({ description: 'Identificador del documento o de la solicitud.' })
  id!: string;

  @Field({ description: 'Qué es: DOCUMENT o REQUEST.' })
  kind!: string;

  @Field({ description: 'Título o asunto.' })
  title!: string;

  @Field({ description: 'Quién debe actuar: INE u OPLE.' })
  party!: string;

  @Field({ description: 'Último día del plazo (AAAA-MM-DD).' })
  dueDate!: string;
}

@ObjectType({ description: 'El tablero de un supervisor: cuántos, de quién, qué está vencido y qué vence pronto.' })
export class Dashboard {
  @Field(() => String, { nullable: true, description: 'El OPLE del tablero; vacío: todos.' })
  ople!: string | null;

  @Field(() => [CountBy], { description: 'Documentos por estado.' })
  byStatus!: CountBy[];

  @Field(() => [CountBy], { description: 'Documentos abiertos por quién tiene la pelota.' })
  byBallInCourt!: CountBy[];

  @Field(() => Int, { description: 'Pendientes vencidos (documentos y solicitudes).' })
  overdueCount!: number;

  @Field(() => Int, {
    description: 'Oficios (o elementos de un recordatorio) pendientes de revisión: la cola de revisión por atender.',
  })
  pendingReviewCount!: number;

  @Field(() => DueItem, { nullable: true, description: 'El pendiente vencido más antiguo.' })
  oldestOverdue!: DueItem | null;

  @Field(() => [DueItem], { description: 'Lo que vence en los próximos 7 días, en orden.' })
  dueNext7Days!: DueItem[];
}

@ObjectType({
  description: 'Una celda de la vista nacional: los documentos de un OPLE para un entregable y una versión, resumidos.',
})
export class DocumentMatrixCell {
  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field(() => Int, { description: 'Número del entregable (lineamiento 33).' })
  deliverable!: number;

  @Field(() => VersionKind, { description: 'Proyecto o versión final.' })
  versionKind!: VersionKind;

  @Field(() => Int, { description: 'Cuántos documentos tiene la celda.' })
  documents!: number;

  @Field(() => DocumentStatus, {
    description:
      'El estado que la celda muestra: el que pide atención primero (con observaciones, en revisión, esperado, resuelto, retirado).',
  })
  status!: DocumentStatus;

  @Field(() => Int, { description: 'Cuántos de sus documentos están vencidos.' })
  overdue!: number;

  @Field(() => Int, { description: 'El nivel de escalamiento más alto de sus documentos (0: ninguno).' })
  escalationLevel!: number;

  @Field(() => ID, { nullable: true, description: 'El documento, cuando la celda tiene uno solo.' })
  documentId!: string | null;
}
