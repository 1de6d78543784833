import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { IngestResult as IngestResultValue } from '@seguimiento/application';
import { EscalationStep, IneOficioKind, ReviewOutcome } from '../../common/enums';

export type IngestResult = IngestResultValue;
export const IngestResult: { readonly [K in IngestResult]: K } = {
  PLANNED: 'PLANNED',
  CREATED: 'CREATED',
  ALREADY_RECORDED: 'ALREADY_RECORDED',
  NEEDS_REVIEW: 'NEEDS_REVIEW',
  FAILED: 'FAILED',
  SKIPPED: 'SKIPPED',
};
registerEnumType(IngestResult, {
  name: 'IngestResult',
  description: 'Qué pasó con un oficio del texto.',
  valuesMap: {
    PLANNED: { description: 'Prueba (dryRun): se registraría así; no se registró nada.' },
    CREATED: { description: 'Registrado: cambió un documento, una solicitud o un aviso.' },
    ALREADY_RECORDED: { description: 'Ya estaba registrado: no cambió nada.' },
    NEEDS_REVIEW: { description: 'No se registró: una persona debe revisarlo (ver reviewReasons).' },
    FAILED: { description: 'No se registró: el sistema lo rechazó (ver message).' },
    SKIPPED: { description: 'No se registró ni pasó a revisión: quien registra lo omitió (skip de ingestFile).' },
  },
});

@ObjectType({ description: 'Un entregable recordado, tal como se leyó.' })
export class ParsedReminderItem {
  @Field({ description: 'Título como lo escribe el oficio.' })
  title!: string;

  @Field(() => Int, { nullable: true, description: 'Entregable reconocido.' })
  deliverable!: number | null;

  @Field(() => String, { nullable: true, description: 'Plazo máximo (AAAA-MM-DD).' })
  dueDate!: string | null;
}

@ObjectType({ description: 'Un oficio leído del texto, y lo que pasó al registrarlo.' })
export class IngestedOficio {
  @Field(() => String, { nullable: true, description: 'Número del oficio.' })
  number!: string | null;

  @Field(() => String, { nullable: true, description: 'Fecha del oficio (AAAA-MM-DD).' })
  date!: string | null;

  @Field(() => IneOficioKind, { nullable: true, description: 'Tipo: REVIEW, REQUEST, REMINDER, INVITATION o NOTICE.' })
  kind!: IneOficioKind | null;

  @Field(() => ReviewOutcome, { nullable: true, description: 'En revisiones: lo que resuelve.' })
  outcome!: ReviewOutcome | null;

  @Field(() => Boolean, { nullable: true, description: 'En revisiones: si se generan observaciones adicionales.' })
  additionalObservations!: boolean | null;

  @Field(() => [String], { description: 'Oficios que cita.' })
  references!: string[];

  @Field(() => String, { nullable: true, description: 'Plazo explícito ("a más tardar", "plazo máximo"), AAAA-MM-DD.' })
  deadline!: string | null;

  @Field(() => Int, { nullable: true, description: 'Entregable del lineamiento 33, si se reconoce.' })
  deliverable!: number | null;

  @Field(() => [ParsedReminderItem], { description: 'En recordatorios: cada entregable con su plazo.' })
  items!: ParsedReminderItem[];

  @Field(() => String, {
    nullable: true,
    description: 'En invitaciones: fecha y hora de la reunión (ISO 8601 con su zona).',
  })
  meeting!: string | null;

  @Field(() => String, { nullable: true, description: 'De qué trata, en sus palabras.' })
  subject!: string | null;

  @Field({ description: 'Resumen en un párrafo.' })
  summary!: string;

  @Field(() => Float, { description: 'Confianza de la lectura (0 a 1).' })
  confidence!: number;

  @Field({ description: 'Si una persona debe revisarlo.' })
  needsReview!: boolean;

  @Field(() => [String], { description: 'Por qué necesita revisión.' })
  reviewReasons!: string[];

  @Field(() => Int, { description: 'Dónde empieza en el texto (carácter).' })
  spanStart!: number;

  @Field(() => Int, { description: 'Dónde termina en el texto (carácter, exclusivo).' })
  spanEnd!: number;

  @Field(() => IngestResult, { description: 'Qué pasó.' })
  result!: IngestResult;

  @Field(() => [String], { description: 'Los casos que tocó (o tocaría): document:…, request:…, notice:….' })
  targets!: string[];

  @Field(() => String, { nullable: true, description: 'Por qué falló, o qué se registró.' })
  message!: string | null;

  @Field(() => [String], { description: 'Lo que se supuso al registrarlo (p. ej. la versión del entregable).' })
  assumptions!: string[];

  @Field(() => [String], {
    description:
      'Elementos de la cola de revisión que dejó (el oficio entero, o los elementos de un recordatorio que no se leyeron); ver reviewQueue.',
  })
  reviewIds!: string[];
}

@ObjectType({
  description:
    'Un plazo que seguía vencido al terminar la importación: se avisó una sola vez, en su peldaño más alto ("hallado al importar").',
})
export class FoundAtImport {
  @Field({ description: 'El caso: document:… o request:….' })
  caseId!: string;

  @Field(() => EscalationStep, { description: 'El peldaño con que se avisó.' })
  step!: EscalationStep;
}

@ObjectType({ description: 'El resultado de ingresar un texto de correspondencia.' })
export class IngestReport {
  @Field(() => [IngestedOficio], { description: 'Cada oficio leído, en orden de fecha.' })
  oficios!: IngestedOficio[];

  @Field(() => Int, { description: 'Registrados ahora.' })
  created!: number;

  @Field(() => Int, { description: 'Ya estaban registrados.' })
  alreadyRecorded!: number;

  @Field(() => Int, { description: 'Necesitan revisión de una persona.' })
  needsReview!: number;

  @Field(() => Int, { description: 'Rechazados por el sistema.' })
  failed!: number;

  @Field(() => Int, { description: 'Omitidos por quien registra (skip de ingestFile): ni registrados ni en revisión.' })
  skipped!: number;

  @Field(() => [String], { description: 'Avisos sobre el texto en su conjunto.' })
  warnings!: string[];

  @Field(() => [FoundAtImport], {
    description:
      'Los plazos que seguían vencidos al terminar la importación (la correspondencia se aplica como historia: lo que un oficio posterior del mismo texto atendió no escala).',
  })
  foundAtImport!: FoundAtImport[];
}

@ObjectType({ description: 'Un archivo original guardado: identificado por el SHA-256 de su contenido.' })
export class SourceFile {
  @Field({ description: 'SHA-256 del contenido (64 dígitos hexadecimales).' })
  sha256!: string;

  @Field({ description: 'Nombre con que se recibió por primera vez.' })
  name!: string;

  @Field({ description: 'Tipo de contenido (MIME), p. ej. application/pdf.' })
  mediaType!: string;

  @Field(() => Int, { description: 'Tamaño en bytes.' })
  size!: number;

  @Field({ description: 'Cuándo se recibió por primera vez (ISO 8601).' })
  firstSeenAt!: string;

  @Field({ description: 'Quién lo envió por primera vez.' })
  firstSeenBy!: string;

  @Field({ description: 'OPLE para el que se recibió por primera vez.' })
  ople!: string;

  @Field({
    description:
      'Dónde descargarlo: /files/<sha256>, relativo al gateway (GET con el mismo token o la sesión de la consola).',
  })
  downloadUrl!: string;
}

@ObjectType({ description: 'Una columna de un registro de control: el campo y el encabezado del que se leyó.' })
export class ColumnMap {
  @Field({ description: 'Campo leído (date, number, subject, …).' })
  field!: string;

  @Field({ description: 'Encabezado de la columna, como está escrito en el archivo.' })
  header!: string;
}

@ObjectType({ description: 'Cómo se leyeron las columnas de un registro de control (XLSX o CSV).' })
export class RegisterColumns {
  @Field({ description: 'El archivo (o adjunto) del que se leyó el registro.' })
  file!: string;

  @Field(() => [ColumnMap], { description: 'Cada campo y su columna.' })
  mapped!: ColumnMap[];

  @Field(() => [String], {
    description: 'Columnas de las que no se leyó ningún campo (su texto se agrega al del oficio).',
  })
  unmapped!: string[];
}

@ObjectType({ description: 'El archivo recibido: el original guardado y cómo se leyó.' })
export class IngestedFile extends SourceFile {
  @Field({ description: 'Tipo leído: pdf, docx, xlsx, csv, eml o text.' })
  kind!: string;

  @Field({
    description:
      'El mismo contenido ya se había recibido (ver firstSeenAt y firstSeenBy): no se guardó dos veces ni se registró nada dos veces.',
  })
  alreadyReceived!: boolean;

  @Field(() => Int, { nullable: true, description: 'Páginas (PDF).' })
  pages!: number | null;

  @Field({ description: 'Si el texto se leyó de imágenes con OCR (un escaneo): menos seguro que una capa de texto.' })
  ocr!: boolean;

  @Field(() => [String], { description: 'Lo que el lector hizo y conviene revisar (encabezados omitidos, OCR, …).' })
  notes!: string[];

  @Field(() => [RegisterColumns], { description: 'En registros de control: cómo se leyeron sus columnas.' })
  registers!: RegisterColumns[];
}

@ObjectType({ description: 'El resultado de ingresar un archivo: lo de un texto de correspondencia, y el archivo.' })
export class IngestFileReport extends IngestReport {
  @Field(() => IngestedFile, { description: 'El archivo original y cómo se leyó.' })
  file!: IngestedFile;
}
