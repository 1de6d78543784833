import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ReviewOutcome, VersionKind } from '../models/enums';

@InputType({ description: 'Una observación que remite el INE.' })
export class ObservationInput {
  @Field({ nullable: true, description: 'Identificador propio; por omisión <oficio>#<n>.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  id?: string;

  @Field({ description: 'Texto de la observación.' })
  @IsString()
  @MaxLength(4000)
  text!: string;
}

@InputType({ description: 'Un oficio del INE que revisa un documento (observaciones, atendidas, recibido).' })
export class RecordIneOficioInput {
  @Field({ description: 'Clave del OPLE destinatario, p. ej. GRO.' })
  @Matches(/^[A-Z]{3}$/, { message: 'debe ser la clave de tres letras mayúsculas del estado, p. ej. GRO' })
  ople!: string;

  @Field({ description: 'Número del oficio del INE, p. ej. INE/UTSI/1147/2024.' })
  @IsString()
  @MaxLength(80)
  oficioNumber!: string;

  @Field({ description: 'Fecha del oficio (AAAA-MM-DD).' })
  @IsString()
  date!: string;

  @Field(() => ReviewOutcome, { description: 'Lo que dice el oficio sobre el documento.' })
  @IsEnum(ReviewOutcome, { message: 'debe ser OBSERVATIONS, PARTIALLY_ADDRESSED, ADDRESSED o ACCEPTED' })
  outcome!: ReviewOutcome;

  @Field({ defaultValue: false, description: 'Si "se generan observaciones adicionales".' })
  @IsBoolean()
  additionalObservations!: boolean;

  @Field(() => [String], { defaultValue: [], description: 'Oficios que cita ("remitidas mediante oficio …"); enlazan la respuesta con su documento.' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  references!: string[];

  @Field(() => [ObservationInput], { nullable: true, description: 'Observaciones que remite, si el oficio las detalla.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ObservationInput)
  observations?: ObservationInput[];

  @Field(() => [String], { nullable: true, description: 'Con PARTIALLY_ADDRESSED: las observaciones citadas que quedan atendidas por completo.' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  addressedObservationIds?: string[];

  @Field({ nullable: true, description: 'El documento al que responde, si se conoce; si no, se encuentra por los oficios citados.' })
  @IsOptional()
  @IsString()
  documentId?: string;

  @Field(() => Int, { nullable: true, description: 'Entregable (1 a 34), para encontrar o abrir el documento cuando los oficios citados no bastan.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'debe estar entre 1 y 34' })
  @Max(34, { message: 'debe estar entre 1 y 34' })
  deliverable?: number;

  @Field(() => VersionKind, { nullable: true, description: 'Proyecto o versión final, junto con deliverable.' })
  @IsOptional()
  @IsEnum(VersionKind, { message: 'debe ser PROYECTO o FINAL' })
  versionKind?: VersionKind;

  @Field({ nullable: true, description: 'Clave del documento dentro del OPLE, junto con deliverable; por omisión e<entregable>-<versión>.' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/, { message: 'debe tener de 1 a 100 minúsculas, dígitos, ".", "_" o "-"' })
  documentKey?: string;
}
