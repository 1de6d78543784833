import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsString, MaxLength } from 'class-validator';
import { OpleField } from '../../common/input-fields';

/** The largest text accepted (the 1 MB request limit bites first on accented text): a monthly report is ~20 KB. */
const MAX_INGEST_TEXT = 1_000_000;

@ArgsType()
export class IngestCorrespondenceArgs {
  @Field({ description: 'El texto de la correspondencia.' })
  @IsString({ message: 'debe ser un texto' })
  @MaxLength(MAX_INGEST_TEXT, { message: `no puede exceder ${MAX_INGEST_TEXT} caracteres` })
  text!: string;

  @OpleField('Clave del OPLE al que se refiere la correspondencia, p. ej. GRO.')
  ople!: string;

  @Field({ defaultValue: false, description: 'Solo leer y decir qué se registraría, sin registrar nada.' })
  @IsBoolean()
  dryRun!: boolean;
}
