import { Field, InputType, Int } from '@nestjs/graphql';
import { IsDateString, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import { VersionKind } from '../models/enums';

@InputType({ description: 'La remisión de un documento del OPLE al INE mediante un oficio.' })
export class SubmitDocumentInput {
  @Field({ description: 'Clave del OPLE (código ISO del estado), p. ej. GRO.' })
  @Matches(/^[A-Z]{3}$/, { message: 'debe ser la clave de tres letras mayúsculas del estado, p. ej. GRO' })
  ople!: string;

  @Field(() => Int, { description: 'Número de entregable del lineamiento 33 (1 a 34).' })
  @IsInt({ message: 'debe ser un número entero' })
  @Min(1, { message: 'debe estar entre 1 y 34' })
  @Max(34, { message: 'debe estar entre 1 y 34' })
  deliverable!: number;

  @Field(() => VersionKind, { description: 'Proyecto o versión final.' })
  @IsEnum(VersionKind, { message: 'debe ser PROYECTO o FINAL' })
  versionKind!: VersionKind;

  @Field({ nullable: true, description: 'Clave del documento dentro del OPLE; por omisión e<entregable>-<versión>, p. ej. e15-proyecto.' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/, { message: 'debe tener de 1 a 100 minúsculas, dígitos, ".", "_" o "-"' })
  documentKey?: string;

  @Field({ nullable: true, description: 'Título; por omisión el del entregable en el catálogo.' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'no puede exceder 500 caracteres' })
  title?: string;

  @Field({ description: 'Número del oficio del OPLE que remite el documento, p. ej. IEPC/GRO/SE/0123/2024.' })
  @IsString()
  @Length(5, 80, { message: 'debe tener entre 5 y 80 caracteres' })
  oficioNumber!: string;

  @Field({ description: 'Fecha del oficio (AAAA-MM-DD).' })
  @IsDateString({ strict: true, strictSeparator: true }, { message: 'debe ser una fecha AAAA-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'debe ser una fecha AAAA-MM-DD' })
  submittedOn!: string;
}
