import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ObjectType({ description: 'Una persona del directorio: a quién llegan los escalamientos y el resumen diario.' })
export class DirectoryContact {
  @Field({ description: 'Institución: INE o la clave del OPLE (p. ej. GRO).' })
  institution!: string;

  @Field({
    description:
      'Rol: RESPONSABLE (recordatorio y vencimiento), AREA_RESPONSABLE (nivel 1), SECRETARIA_TECNICA (nivel 2), COMISION (nivel 3) o UTSI (INE).',
  })
  role!: string;

  @Field({ description: 'Correo electrónico.' })
  email!: string;

  @Field({ description: 'Nombre de la persona o del área.' })
  name!: string;

  @Field({ description: 'IMMEDIATE (cada correo y el resumen diario) o DIGEST (solo el resumen diario).' })
  preference!: string;
}

@InputType({ description: 'Alta o cambio de una persona del directorio.' })
export class SetDirectoryContactInput {
  @Field({ description: 'Institución: INE o la clave del OPLE (p. ej. GRO).' })
  @IsString()
  @MaxLength(10)
  institution!: string;

  @Field({ description: 'RESPONSABLE, AREA_RESPONSABLE, SECRETARIA_TECNICA, COMISION o UTSI (solo INE).' })
  @IsString()
  @MaxLength(40)
  role!: string;

  @Field({ description: 'Correo electrónico.' })
  @IsString()
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Nombre de la persona o del área.' })
  @IsString()
  @MaxLength(200)
  name!: string;

  @Field({ nullable: true, description: 'IMMEDIATE (por omisión) o DIGEST.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  preference?: string;
}

@InputType({ description: 'Una persona que se quita de un rol del directorio.' })
export class RemoveDirectoryContactInput {
  @Field({ description: 'Institución: INE o la clave del OPLE (p. ej. GRO).' })
  @IsString()
  @MaxLength(10)
  institution!: string;

  @Field({ description: 'El rol del que se quita.' })
  @IsString()
  @MaxLength(40)
  role!: string;

  @Field({ description: 'La dirección que se quita.' })
  @IsString()
  @MaxLength(254)
  email!: string;
}

@ObjectType({ description: 'Un correo del buzón de salida y su entrega.' })
export class MailDelivery {
  @Field({ description: 'Identificador del mensaje (Message-ID), derivado de su causa.' })
  messageId!: string;

  @Field({ description: 'Qué es: ESCALATION, REMINDER_ITEMS, INVITATION, DEADLINE, IMPORT_SUMMARY o DIGEST.' })
  kind!: string;

  @Field({ description: 'Destinatario.' })
  recipient!: string;

  @Field({ description: 'Asunto.' })
  subject!: string;

  @Field({
    description:
      'PENDING (por enviar, reintentando o en horas de silencio), SENT, REFUSED (rechazado por el servidor), FAILED o BOUNCED (rebotó después de enviado).',
  })
  status!: string;

  @Field({ description: 'Intentos de envío.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'La última respuesta de error del servidor de correo.' })
  lastError!: string | null;

  @Field({ description: 'Cuándo se generó (ISO 8601).' })
  createdAt!: string;

  @Field(() => String, { nullable: true, description: 'Cuándo se entregó al servidor de correo (ISO 8601).' })
  sentAt!: string | null;
}
