import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import {
  DeliverableField,
  DocumentKeyField,
  LocalDateField,
  OficioNumberField,
  OpleField,
  TextField,
  VersionKindField,
} from '../../common/input-fields';
import type { IneOficioCommand } from '@seguimiento/domain';
import { IneOficioKind, ReviewOutcome, type VersionKind } from '../../common/enums';
import { ReminderItemInput } from '../../common/reminder-item.input';

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

@InputType({
  description:
    'Un oficio del INE. Por omisión (kind REVIEW) revisa un documento (observaciones, atendidas, recibido) y se enlaza con él por los oficios que cita; ' +
    'también puede ser una solicitud (REQUEST), un recordatorio (REMINDER), una invitación (INVITATION) o un aviso (NOTICE).',
})
export class RecordIneOficioInput implements IneOficioCommand {
  @Field(() => IneOficioKind, {
    defaultValue: IneOficioKind.REVIEW,
    description: 'Qué es el oficio; por omisión REVIEW.',
  })
  @IsEnum(IneOficioKind, { message: 'debe ser REVIEW, REQUEST, REMINDER, INVITATION o NOTICE' })
  kind!: IneOficioKind;

  @OpleField('Clave del OPLE destinatario, p. ej. GRO.')
  ople!: string;

  @OficioNumberField('Número del oficio del INE, p. ej. INE/UTSI/1147/2024.')
  oficioNumber!: string;

  @LocalDateField('Fecha del oficio (AAAA-MM-DD).')
  date!: string;

  @Field(() => ReviewOutcome, {
    nullable: true,
    description: 'REVIEW (obligatorio): lo que dice el oficio sobre el documento.',
  })
  @IsOptional()
  @IsEnum(ReviewOutcome, { message: 'debe ser OBSERVATIONS, PARTIALLY_ADDRESSED, ADDRESSED o ACCEPTED' })
  outcome?: ReviewOutcome;

  @Field({ defaultValue: false, description: 'Si "se generan observaciones adicionales".' })
  @IsBoolean()
  additionalObservations!: boolean;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Oficios que cita ("remitidas mediante oficio …"); enlazan la respuesta con su documento.',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  references!: string[];

  @Field(() => [ObservationInput], {
    nullable: true,
    description: 'Observaciones que remite, si el oficio las detalla.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ObservationInput)
  observations?: ObservationInput[];

  @Field(() => [String], {
    nullable: true,
    description: 'Con PARTIALLY_ADDRESSED: las observaciones citadas que quedan atendidas por completo.',
  })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  addressedObservationIds?: string[];

  @TextField('El documento al que responde, si se conoce; si no, se encuentra por los oficios citados.', 200, true)
  documentId?: string;

  @DeliverableField(
    'Entregable (1 a 34), para encontrar o abrir el documento cuando los oficios citados no bastan.',
    true,
  )
  deliverable?: number;

  @VersionKindField(true)
  versionKind?: VersionKind;

  /**
   * Not part of the GraphQL input: set by the intake when the oficio does not say its version and
   * versionKind is its assumption. Then the cited chain decides, and versionKind only opens a
   * document the chain does not reach.
   */
  versionAssumed?: boolean;

  @DocumentKeyField('Clave del documento dentro del OPLE, junto con deliverable; por omisión e<entregable>-<versión>.')
  documentKey?: string;

  @TextField('REQUEST, INVITATION y NOTICE (obligatorio): qué solicita, a qué invita o qué comunica.', 2000, true)
  subject?: string;

  @LocalDateField(
    'REQUEST: "a más tardar" (AAAA-MM-DD); sin fecha, el plazo de respuesta de la política del OPLE.',
    true,
  )
  dueDate?: string;

  @Field(() => [ReminderItemInput], {
    nullable: true,
    description: 'REMINDER (obligatorio): los entregables recordados, cada uno con su plazo máximo.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReminderItemInput)
  items?: ReminderItemInput[];

  @TextField(
    'INVITATION: fecha y hora de la reunión, ISO 8601 con su zona (tiempo del centro: -06:00), p. ej. 2024-03-12T10:00:00-06:00.',
    40,
    true,
  )
  meetingAt?: string;
}
