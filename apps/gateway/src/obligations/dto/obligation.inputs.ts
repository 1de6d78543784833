import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsEnum, IsString, ValidateNested } from 'class-validator';
import { DeliverableField, LocalDateField, OficioNumberField, OpleField, TextField } from '../../common/input-fields';
import type { FulfillRequestCommand, RecordReminderCommand, RecordRequestCommand } from '@seguimiento/application';
import { Party } from '../../common/enums';
import { ReminderItemInput } from '../../common/reminder-item.input';

@InputType({ description: 'Un "atento recordatorio" del INE: abre un entregable esperado por cada elemento.' })
export class RecordIneReminderInput implements RecordReminderCommand {
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
export class RecordIneRequestInput implements RecordRequestCommand {
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
export class FulfillRequestInput implements FulfillRequestCommand {
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
