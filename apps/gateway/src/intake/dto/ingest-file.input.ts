import { Field, InputType, Int } from '@nestjs/graphql';
import { MAX_FILE_BYTES } from '@seguimiento/files';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { OpleField } from '../../common/input-fields';

/** The longest base64 text of a file at the size limit (the limit itself is checked on the decoded bytes). */
export const MAX_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4;

@InputType({ description: 'Un archivo recibido (PDF, DOCX, XLSX, CSV, .eml o texto), en base64.' })
export class IngestFileInput {
  @OpleField('Clave del OPLE al que se refiere la correspondencia, p. ej. GRO.')
  ople!: string;

  @Field({ description: 'Nombre del archivo, p. ej. informe-marzo.pdf (se guarda con el original).' })
  @IsString({ message: 'debe ser un texto' })
  @MaxLength(255, { message: 'no puede exceder 255 caracteres' })
  fileName!: string;

  @Field({ description: 'El contenido del archivo en base64 (hasta 25 MiB una vez decodificado).' })
  @IsString({ message: 'debe ser un texto en base64' })
  @MaxLength(MAX_BASE64_CHARS + 4, { message: 'el archivo no puede pesar más de 25 MiB' })
  contentBase64!: string;

  @Field({ defaultValue: false, description: 'Solo leer y decir qué se registraría, sin registrar ni guardar nada.' })
  @IsBoolean()
  dryRun!: boolean;

  @Field(() => [Int], {
    nullable: true,
    description:
      'Oficios que no se registran: su posición (desde 0) en la lista oficios de la lectura, en el orden en que la da una prueba (dryRun) del mismo archivo. ' +
      'No se registran ni pasan a revisión (result SKIPPED); el original se guarda igual. Una posición que la lectura no tiene se rechaza nombrando skip.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000, { message: 'no puede tener más de 2000 posiciones' })
  @IsInt({ each: true, message: 'cada posición debe ser un número entero' })
  @Min(0, { each: true, message: 'cada posición debe ser 0 o mayor' })
  skip?: number[] | null;
}
