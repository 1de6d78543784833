import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { ReviewItem as DomainReviewItem } from '@seguimiento/domain';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DeliverableField, LocalDateField, VersionKindField } from '../common/input-fields';
import { ReviewStatus, type VersionKind } from '../common/enums';

@ObjectType({ description: 'Un tramo del texto ingresado (posiciones de carácter; el final no se incluye).' })
export class ReviewSpan {
  @Field(() => Int, { description: 'Primer carácter.' })
  start!: number;

  @Field(() => Int, { description: 'Carácter siguiente al último.' })
  end!: number;
}

@ObjectType({ description: 'Cómo se resolvió una revisión.' })
export class ReviewResolution {
  @Field({ description: 'Descartado, o dónde se registró: "entregable 3 (versión final)" o el documento elegido.' })
  target!: string;

  @Field(() => Int, { nullable: true, description: 'Entregable elegido (vacío si se descartó).' })
  deliverable!: number | null;

  @Field(() => String, { nullable: true, description: 'Versión elegida: PROYECTO o FINAL.' })
  versionKind!: string | null;

  @Field(() => String, { nullable: true, description: 'Documento elegido por su identificador.' })
  documentId!: string | null;

  @Field(() => [String], { description: 'Los casos en los que quedó registrado el oficio.' })
  recordedOn!: string[];

  @Field(() => String, { nullable: true, description: 'Nota del operador, o el motivo del descarte.' })
  note!: string | null;
}

@ObjectType({
  description:
    'Un elemento de la cola de revisión: lo que la ingesta no pudo registrar sin adivinar, con su texto, su tramo, el motivo y lo que se leyó.',
})
export class ReviewItem {
  @Field(() => ID, { description: 'Identificador: review:<OPLE>:<clave> (el mismo texto da siempre el mismo).' })
  id!: string;

  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field(() => String, { nullable: true, description: 'Número del oficio, si se leyó.' })
  oficioNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha del oficio (AAAA-MM-DD), si se leyó.' })
  oficioDate!: string | null;

  @Field({ description: 'El texto exacto del tramo.' })
  text!: string;

  @Field(() => ReviewSpan, { description: 'Dónde estaba en el texto ingresado.' })
  span!: ReviewSpan;

  @Field(() => [String], { description: 'Por qué espera a una persona.' })
  reasons!: string[];

  @Field({ description: 'Lo que se leyó del oficio (los campos analizados, en JSON).' })
  read!: string;

  @Field(() => ReviewStatus, { description: 'Pendiente, resuelta o descartada.' })
  status!: ReviewStatus;

  @Field(() => ReviewResolution, { nullable: true, description: 'La resolución, una vez resuelta o descartada.' })
  resolution!: ReviewResolution | null;

  @Field({ description: 'Quién la dejó en la cola (el usuario que ingresó el texto).' })
  queuedBy!: string;

  @Field({ description: 'Cuándo entró a la cola (ISO 8601).' })
  queuedAt!: string;

  @Field(() => String, { nullable: true, description: 'Quién la resolvió o descartó.' })
  actor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cuándo se resolvió o descartó (ISO 8601).' })
  at!: string | null;
}

export function toReviewItem(i: DomainReviewItem): ReviewItem {
  const r = i.resolution;
  const target = r?.target;
  return {
    id: i.reviewId,
    ople: i.ople,
    oficioNumber: i.oficioNumber,
    oficioDate: i.oficioDate,
    text: i.text,
    span: i.span,
    reasons: i.reasons,
    read: JSON.stringify(i.read),
    status: i.status,
    resolution:
      r && target
        ? target === 'descartado'
          ? { target, deliverable: null, versionKind: null, documentId: null, recordedOn: [], note: r.note }
          : {
              target:
                target.documentId ??
                `entregable ${target.deliverable}${target.versionKind ? ` (${target.versionKind === 'FINAL' ? 'versión final' : 'proyecto'})` : ''}`,
              deliverable: target.deliverable,
              versionKind: target.versionKind,
              documentId: target.documentId,
              recordedOn: r.recordedOn,
              note: r.note,
            }
        : null,
    queuedBy: i.queuedBy,
    queuedAt: i.queuedAt,
    actor: i.actor,
    at: i.at,
  };
}

@InputType({ description: 'Lo que el operador elige para registrar un oficio de la cola de revisión.' })
export class ResolveReviewInput {
  @Field(() => ID, { description: 'Identificador de la revisión (review:<OPLE>:<clave>).' })
  @IsString()
  id!: string;

  @DeliverableField('Entregable del lineamiento 33 (1 a 34) al que corresponde el oficio.')
  deliverable!: number;

  @VersionKindField(true)
  version?: VersionKind;

  @Field({ nullable: true, description: 'Documento en el que se registra (document:<OPLE>:<clave>), si ya existe.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  documentId?: string;

  @LocalDateField('Plazo máximo (AAAA-MM-DD) de un elemento de recordatorio que no lo decía.', true)
  dueDate?: string;

  @Field({ nullable: true, description: 'Nota del operador.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@InputType({ description: 'Descarte de un elemento de la cola de revisión.' })
export class DismissReviewInput {
  @Field(() => ID, { description: 'Identificador de la revisión (review:<OPLE>:<clave>).' })
  @IsString()
  id!: string;

  @Field({ description: 'Por qué se descarta.' })
  @IsString()
  @MaxLength(2000)
  reason!: string;
}
