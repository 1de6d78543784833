import { ArgsType, Field, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AsOfField, DeliverableField, LocalDateField, OpleField } from '../../common/input-fields';
import { BallInCourt, DocumentStatus } from '../../common/enums';

export enum DocumentOrder {
  DUE_SOONEST = 'DUE_SOONEST',
  RECENTLY_CHANGED = 'RECENTLY_CHANGED',
  ID = 'ID',
}
registerEnumType(DocumentOrder, {
  name: 'DocumentOrder',
  description: 'Orden de la lista.',
  valuesMap: {
    DUE_SOONEST: { description: 'Primero lo que vence antes (sin plazo al final).' },
    RECENTLY_CHANGED: { description: 'Primero lo que cambió más recientemente.' },
    ID: { description: 'Por identificador.' },
  },
});

@InputType({ description: 'Filtros de la lista de documentos; se combinan (y).' })
export class DocumentsFilter {
  @OpleField('Solo documentos de este OPLE (clave ISO del estado, p. ej. GRO).', true)
  ople?: string;

  @Field(() => DocumentStatus, { nullable: true, description: 'Solo documentos en este estado.' })
  @IsOptional()
  @IsEnum(DocumentStatus, { message: 'debe ser EXPECTED, UNDER_REVIEW, OBSERVED, RESOLVED o WITHDRAWN' })
  status?: DocumentStatus;

  @Field(() => BallInCourt, { nullable: true, description: 'Solo documentos en que debe actuar el INE, o el OPLE.' })
  @IsOptional()
  @IsEnum(BallInCourt, { message: 'debe ser INE, OPLE o NONE' })
  ballInCourt?: BallInCourt;

  @Field({ nullable: true, description: 'Verdadero: solo los vencidos; falso: solo los que no lo están.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @LocalDateField('Solo los que vencen a más tardar ese día (AAAA-MM-DD).', true)
  dueBefore?: string;

  @DeliverableField('Solo este entregable (1 a 34).', true)
  deliverable?: number;

  @Field({ nullable: true, description: 'Texto a buscar en el título, el identificador o el último oficio.' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'no puede exceder 100 caracteres' })
  search?: string;
}

@ArgsType()
export class DocumentsArgs {
  @Field(() => DocumentsFilter, { nullable: true, description: 'Filtros.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => DocumentsFilter)
  filter?: DocumentsFilter;

  @Field(() => DocumentOrder, { defaultValue: DocumentOrder.DUE_SOONEST, description: 'Orden.' })
  @IsEnum(DocumentOrder)
  orderBy!: DocumentOrder;

  @Field(() => Int, { defaultValue: 50, description: 'Cuántos documentos por página (1 a 200).' })
  @IsInt()
  @Min(1, { message: 'debe estar entre 1 y 200' })
  @Max(200, { message: 'debe estar entre 1 y 200' })
  first!: number;

  @AsOfField()
  asOf?: string;

  @Field({ nullable: true, description: 'Cursor: la página que sigue a este (endCursor de la anterior).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
