import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, ValidateNested } from 'class-validator';
import {
  DeliverableField,
  DocumentKeyField,
  LocalDateField,
  OficioNumberField,
  OpleField,
  TextField,
  VersionKindField,
} from '../../common/input-fields';
import { Party, type VersionKind } from '../../documents/models/enums';

@InputType({ description: 'Un entregable que recuerda el INE, con su plazo máximo de remisión.' })
export class ReminderItemInput {
  @DeliverableField()
  deliverable!: number;

  @VersionKindField()
  versionKind!: VersionKind;

  @TextField('Título como lo escribe el oficio.', 500, true)
  title?: string;

  @LocalDateField('Plazo máximo de remisión (AAAA-MM-DD).')
  dueDate!: string;

  @DocumentKeyField(
    'Clave del documento; por omisión e<entregable>-<versión> (p. ej. e3-2024-03 para un informe mensual).',
  )
  documentKey?: string;
}

@InputType({ description: 'Un "atento recordatorio" del INE: abre un entregable esperado por cada elemento.' })
export class RecordIneReminderInput {
  @OpleField('Clave del OPLE destinatario, p. ej. GRO.')
  ople!: string;

  @OficioNumberField('Número del oficio, p. ej. INE/UTSI/1654/2024.')
  oficioNumber!: string;

  @LocalDateField('Fecha del oficio (AAAA-MM-DD).')
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
  @OpleField('Clave del OPLE destinatario.')
  ople!: string;

  @OficioNumberField('Número del oficio que solicita.')
  oficioNumber!: string;

  @LocalDateField('Fecha del oficio (AAAA-MM-DD).')
  date!: string;

  @TextField('Qué solicita.', 2000)
  subject!: string;

  @LocalDateField('"A más tardar" (AAAA-MM-DD); sin fecha, el plazo de respuesta de la política del OPLE.', true)
  dueDate?: string;

  @DeliverableField('Entregable al que se refiere, si se reconoce.', true)
  deliverable?: number;
}

@InputType({
  description:
    'Lo que atiende una solicitud: la respuesta del OPLE o un oficio del INE que tiene por recibido lo solicitado.',
})
export class FulfillRequestInput {
  @Field(() => ID, { description: 'Identificador de la solicitud (request:<OPLE>:<oficio>).' })
  @IsString()
  requestId!: string;

  @OficioNumberField('Oficio que la atiende.')
  oficioNumber!: string;

  @LocalDateField('Fecha de ese oficio (AAAA-MM-DD).')
  date!: string;

  @Field(() => Party, { description: 'OPLE si es su respuesta; INE si es un oficio que recibe lo solicitado.' })
  @IsEnum(Party, { message: 'debe ser INE u OPLE' })
  by!: Party;
}
