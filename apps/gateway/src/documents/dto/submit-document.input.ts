import { Field, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsOptional, IsString } from 'class-validator';
import {
  DeliverableField,
  DocumentKeyField,
  LocalDateField,
  OficioNumberField,
  OpleField,
  TextField,
  VersionKindField,
} from '../../common/input-fields';
import type { SubmitDocumentCommand } from '@seguimiento/application';
import type { VersionKind } from '../../common/enums';

@InputType({ description: 'La remisión de un documento del OPLE al INE mediante un oficio.' })
export class SubmitDocumentInput implements SubmitDocumentCommand {
  @OpleField()
  ople!: string;

  @DeliverableField()
  deliverable!: number;

  @VersionKindField()
  versionKind!: VersionKind;

  @DocumentKeyField()
  documentKey?: string;

  @TextField('Título; por omisión el del entregable en el catálogo.', 500, true)
  title?: string;

  @OficioNumberField('Número del oficio del OPLE que remite el documento, p. ej. IEPC/GRO/SE/0123/2024.')
  oficioNumber!: string;

  @LocalDateField('Fecha del oficio (AAAA-MM-DD).')
  submittedOn!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Oficios del INE que cita (las observaciones que atiende esta versión).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  references?: string[];
}
