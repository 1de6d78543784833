import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { NoticeRecord } from '@seguimiento/application';
import { IneOficioKind } from '../../common/enums';

@ObjectType({ description: 'Una invitación o un aviso del INE: no abre plazo, queda en la correspondencia.' })
export class Notice {
  @Field({ description: 'Identificador (notice:<OPLE>:<oficio>).' })
  id!: string;

  @Field({ description: 'Clave del OPLE.' })
  ople!: string;

  @Field({ description: 'Número del oficio.' })
  oficioNumber!: string;

  @Field({ description: 'Fecha del oficio (AAAA-MM-DD).' })
  date!: string;

  @Field(() => IneOficioKind, { description: 'INVITATION o NOTICE.' })
  kind!: IneOficioKind;

  @Field({ description: 'De qué trata.' })
  subject!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Fecha y hora de la reunión (ISO 8601 con su zona), para invitaciones.',
  })
  meetingAt!: string | null;

  @Field(() => [String], { description: 'Oficios que cita.' })
  references!: string[];

  @Field(() => Int, { nullable: true, description: 'Entregable al que se refiere, si se reconoce.' })
  deliverable!: number | null;
}

export function toNotice(data: NoticeRecord): Notice {
  return { id: data.noticeId, ...data };
}
