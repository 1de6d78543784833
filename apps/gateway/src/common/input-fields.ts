import { applyDecorators } from '@nestjs/common';
import { Field, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { VersionKind } from './enums';

/**
 * The input fields every mutation shares, each with its GraphQL type, its description and its
 * validation in one place. Messages are in Spanish and name the rule; the field's name is added
 * by the validation pipe ("deliverable: debe estar entre 1 y 34").
 */
const optional = (nullable: boolean) => (nullable ? [IsOptional()] : []);

export const OpleField = (description = 'Clave del OPLE (código ISO del estado), p. ej. GRO.', nullable = false) =>
  applyDecorators(
    Field({ description, nullable }),
    ...optional(nullable),
    Matches(/^[A-Z]{3}$/, { message: 'debe ser la clave de tres letras mayúsculas del estado, p. ej. GRO' }),
  );

export const OficioNumberField = (description: string, nullable = false) =>
  applyDecorators(
    Field({ description, nullable }),
    ...optional(nullable),
    IsString({ message: 'debe ser un texto' }),
    MaxLength(80, { message: 'no puede exceder 80 caracteres' }),
  );

/** A calendar date; its validity (2024-02-30) is checked by the domain, which names the field. */
export const LocalDateField = (description: string, nullable = false) =>
  applyDecorators(
    Field({ description, nullable }),
    ...optional(nullable),
    IsString({ message: 'debe ser una fecha AAAA-MM-DD' }),
  );

export const DeliverableField = (description = 'Número de entregable del lineamiento 33 (1 a 34).', nullable = false) =>
  applyDecorators(
    Field(() => Int, { description, nullable }),
    ...optional(nullable),
    IsInt({ message: 'debe ser un número entero' }),
    Min(1, { message: 'debe estar entre 1 y 34' }),
    Max(34, { message: 'debe estar entre 1 y 34' }),
  );

export const VersionKindField = (nullable = false) =>
  applyDecorators(
    Field(() => VersionKind, { description: 'Proyecto o versión final.', nullable }),
    ...optional(nullable),
    IsEnum(VersionKind, { message: 'debe ser PROYECTO o FINAL' }),
  );

export const DocumentKeyField = (
  description = 'Clave del documento dentro del OPLE; por omisión e<entregable>-<versión>, p. ej. e15-proyecto.',
) =>
  applyDecorators(
    Field({ nullable: true, description }),
    IsOptional(),
    Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/, { message: 'debe tener de 1 a 100 minúsculas, dígitos, ".", "_" o "-"' }),
  );

export const TextField = (description: string, max: number, nullable = false) =>
  applyDecorators(
    Field({ description, nullable }),
    ...optional(nullable),
    IsString({ message: 'debe ser un texto' }),
    MaxLength(max, { message: `no puede exceder ${max} caracteres` }),
  );

/** `asOf` of every query that can travel in time: as it was at that moment. */
export const AsOfField = () =>
  applyDecorators(
    Field({
      nullable: true,
      description:
        'Como estaba en ese momento: un día (AAAA-MM-DD, al cierre del día, hora del centro) o un instante ISO 8601.',
    }),
    IsOptional(),
    IsString(),
  );
