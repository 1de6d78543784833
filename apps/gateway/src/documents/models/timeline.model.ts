import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Un hecho en la historia de un caso, tal como quedó en la bitácora de eventos.' })
export class TimelineEntry {
  @Field({ description: 'Posición global en la bitácora.' })
  position!: string;

  @Field(() => Int, { description: 'Número de evento dentro del caso (1, 2, …).' })
  version!: number;

  @Field({ description: 'Tipo de evento (DocumentSubmitted, IneAnswerRecorded, EscalationRaised…).' })
  type!: string;

  @Field({ description: 'Resumen en español.' })
  summary!: string;

  @Field(() => String, { nullable: true, description: 'Oficio que lo originó, si lo hay.' })
  oficioNumber!: string | null;

  @Field(() => String, { nullable: true, description: 'Quién lo registró (usuario, o "sistema" para escalamientos).' })
  actor!: string | null;

  @Field({ description: 'Cuándo surtió efecto (fecha del oficio, o cuándo ocurrió), ISO 8601.' })
  effectiveAt!: string;

  @Field({ description: 'Cuándo se registró en la bitácora, ISO 8601.' })
  recordedAt!: string;
}

@ObjectType({ description: 'El estado vivo del flujo de trabajo del documento en Temporal.' })
export class LiveWorkflowState {
  @Field({ description: 'Si el flujo sigue abierto (esperando a una de las partes).' })
  running!: boolean;

  @Field(() => String, { nullable: true, description: 'Próximo escalamiento programado: su peldaño.' })
  nextEscalationStep!: string | null;

  @Field(() => String, { nullable: true, description: 'Próximo escalamiento programado: cuándo (ISO 8601).' })
  nextEscalationAt!: string | null;
}
