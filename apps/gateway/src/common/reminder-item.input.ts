import { InputType } from '@nestjs/graphql';
import type { ReminderItem } from '@seguimiento/domain';
import { type VersionKind } from './enums';
import { DeliverableField, DocumentKeyField, LocalDateField, TextField, VersionKindField } from './input-fields';

/** An item of a reminder, shared by recordIneOficio (REMINDER) and recordIneReminder. */
@InputType({ description: 'Un entregable que recuerda el INE, con su plazo máximo de remisión.' })
export class ReminderItemInput implements ReminderItem {
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
