import { ArgsType, Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import type { ReportFormat as ReportFormatValue } from '@seguimiento/application';
import { OpleField } from '../common/input-fields';

export type ReportFormat = ReportFormatValue;
export const ReportFormat: { readonly [K in ReportFormat]: K } = { MD: 'MD', TXT: 'TXT', PDF: 'PDF' };
registerEnumType(ReportFormat, {
  name: 'ReportFormat',
  description: 'Formato del informe: Markdown, texto plano o PDF.',
});

@ArgsType()
export class CorrespondenceReportArgs {
  @OpleField('Clave del OPLE, p. ej. GRO.')
  ople!: string;

  @Field({ description: 'Primer día del periodo (AAAA-MM-DD).' })
  @IsString()
  from!: string;

  @Field({
    description:
      'Último día del periodo (AAAA-MM-DD); el estado, lo vencido y lo que vence se calculan al final de ese día.',
  })
  @IsString()
  to!: string;

  @Field(() => ReportFormat, { defaultValue: ReportFormat.MD, description: 'Formato; por omisión Markdown.' })
  @IsEnum(ReportFormat, { message: 'debe ser MD, TXT o PDF' })
  format!: ReportFormat;
}

@ObjectType({ description: 'Un informe listo para guardar.' })
export class ReportFile {
  @Field(() => ReportFormat, { description: 'Su formato.' })
  format!: ReportFormat;

  @Field({ description: 'Nombre de archivo sugerido.' })
  fileName!: string;

  @Field({ description: 'Tipo de contenido (MIME).' })
  contentType!: string;

  @Field({ description: 'utf8 (MD, TXT) o base64 (PDF).' })
  encoding!: string;

  @Field({ description: 'El contenido: el texto, o el PDF en base64.' })
  content!: string;
}
