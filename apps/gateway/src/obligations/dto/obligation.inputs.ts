import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Party, VersionKind } from '../../documents/models/enums';

const OPLE = /^[A-Z]{3}$/;

@InputType({ description: 'Un entregable que recuerda el INE, con su plazo máximo de remisión.' })
export class ReminderItemInput {
  @Field(() => Int, { description: 'Entregable del lineamiento 33 (1 a 34).' })
  @IsInt()
  @Min(1, { message: 'debe estar entre 1 y 34' })
  @Max(34, { message: 'debe estar entre 1 y 34' })
  deliverable!: number;

  @Field(() => VersionKind, { description: 'Proyecto o versión final.' })
  @IsEnum(VersionKind, { message: 'debe ser PROYECTO o FINAL' })
  versionKind!: VersionKind;

  @Field({ nullable: true, description: 'Título como lo escribe el oficio.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @Field({ description: 'Plazo máximo de remisión (AAAA-MM-DD).' })
  @IsString()
  dueDate!: string;

  @Field({ nullable: true, description: 'Clave del documento; por omisión e<entregable>-<versión> (p. ej. e3-2024-03 para un informe mensual).' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9._-]{0,99}$/, { message: 'debe tener de 1 a 100 minúsculas, dígitos, ".", "_" o "-"' })
  documentKey?: string;
}

@InputType({ description: 'Un "atento recordatorio" del INE: abre un entregable esperado por cada elemento.' })
export class RecordIneReminderInput {
  @Field({ description: 'Clave del OPLE destinatario, p. ej. GRO.' })
  @Matches(OPLE, { message: 'debe ser la clave de tres letras mayúsculas del estado, p. ej. GRO' })
  ople!: string;

  @Field({ description: 'Número del oficio, p. ej. INE/UTSI/1654/2024.' })
  @IsString()
  @MaxLength(80)
  oficioNumber!: string;

  @Field({ description: 'Fecha del oficio (AAAA-MM-DD).' })
  @IsString()
  date!: string;

  @Field(() => [ReminderItemInput], { description: 'Los entregables recordados, cada uno con su plazo.' })
  @IsArray()
  @ArrayMinSize(1, { message: 'debe tener al menos un entregable' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReminderItemInput)
  items!: ReminderItemInput[];
}

@InputType({ description: 'Una solicitud del INE al OPLE ("solicita se informe, a más tardar…", "solicita remita…").' })
export class RecordIneRequestInput {
  @Field({ description: 'Clave del OPLE destinatario.' })
  @Matches(OPLE, { message: 'debe ser la clave de tres letras mayúsculas del estado, p. ej. GRO' })
  ople!: string;

  @Field({ description: 'Número del oficio que solicita.' })
  @IsString()
  @MaxLength(80)
  oficioNumber!: string;

  @Field({ description: 'Fecha del oficio (AAAA-MM-DD).' })
  @IsString()
  date!: string;

  @Field({ description: 'Qué solicita.' })
  @IsString()
  @MaxLength(2000)
  subject!: string;

  @Field({ nullable: true, description: '"A más tardar" (AAAA-MM-DD); sin fecha, el plazo de respuesta de la política del OPLE.' })
  @IsOptional()
  @IsString()
  dueDate?: string;

  @Field(() => Int, { nullable: true, description: 'Entregable al que se refiere, si se reconoce.' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'debe estar entre 1 y 34' })
  @Max(34, { message: 'debe estar entre 1 y 34' })
  deliverable?: number;
}

@InputType({ description: 'Lo que atiende una solicitud: la respuesta del OPLE o un oficio del INE que tiene por recibido lo solicitado.' })
export class FulfillRequestInput {
  @Field(() => ID, { description: 'Identificador de la solicitud (request:<OPLE>:<oficio>).' })
  @IsString()
  requestId!: string;

  @Field({ description: 'Oficio que la atiende.' })
  @IsString()
  @MaxLength(80)
  oficioNumber!: string;

  @Field({ description: 'Fecha de ese oficio (AAAA-MM-DD).' })
  @IsString()
  date!: string;

  @Field(() => Party, { description: 'OPLE si es su respuesta; INE si es un oficio que recibe lo solicitado.' })
  @IsEnum(Party, { message: 'debe ser INE u OPLE' })
  by!: Party;
}
