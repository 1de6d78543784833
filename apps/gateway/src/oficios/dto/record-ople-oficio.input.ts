import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString } from 'class-validator';
import {
  DeliverableField,
  DocumentKeyField,
  LocalDateField,
  OficioNumberField,
  OpleField,
  TextField,
  VersionKindField,
} from '../../common/input-fields';
import type { OpleOficioCommand } from '@seguimiento/domain';
import type { VersionKind } from '../../common/enums';

@InputType({
  description:
    'Un oficio del OPLE al INE: remite un entregable (primera versión), una nueva versión que atiende observaciones, o la respuesta a una solicitud. ' +
    'Se enlaza por los oficios del INE que cita; deliverable y versionKind abren el documento cuando no cita ninguno.',
})
export class RecordOpleOficioInput implements OpleOficioCommand {
  @OpleField('Clave del OPLE que envía, p. ej. GRO.')
  ople!: string;

  @OficioNumberField('Número del oficio del OPLE, p. ej. IEPC/GRO/SE/0123/2024.')
  oficioNumber!: string;

  @LocalDateField('Fecha del oficio (AAAA-MM-DD).')
  date!: string;

  @Field(() => [String], {
    defaultValue: [],
    description: 'Oficios del INE que cita (las observaciones que atiende, la solicitud que responde).',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  references!: string[];

  @TextField('El documento que remite, si se conoce.', 200, true)
  documentId?: string;

  @TextField('La solicitud que atiende (request:<OPLE>:<oficio>), si se conoce.', 200, true)
  requestId?: string;

  @DeliverableField('Entregable que remite (1 a 34), cuando el oficio no cita observaciones previas.', true)
  deliverable?: number;

  @VersionKindField(true)
  versionKind?: VersionKind;

  @DocumentKeyField('Clave del documento dentro del OPLE; por omisión e<entregable>-<versión>.')
  documentKey?: string;

  @TextField('Título del documento; por omisión el del catálogo.', 500, true)
  title?: string;
}
