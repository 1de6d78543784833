import { Field, ID, InputType } from '@nestjs/graphql';
import type { ExtendDeadlineCommand, WithdrawDocumentCommand } from '@seguimiento/application';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Prórroga del plazo en curso de un documento.' })
export class ExtendDeadlineInput implements ExtendDeadlineCommand {
  @Field(() => ID, { description: 'Identificador del documento.' })
  @IsString()
  documentId!: string;

  @Field({ description: 'Nuevo último día (AAAA-MM-DD), posterior al vigente.' })
  @IsString()
  dueDate!: string;

  @Field({ description: 'Motivo de la prórroga.' })
  @IsString()
  @MaxLength(1000)
  reason!: string;

  @Field({ nullable: true, description: 'Oficio que concede la prórroga, si lo hay.' })
  @IsOptional()
  @IsString()
  oficioNumber?: string;
}

@InputType({ description: 'Retiro de un documento.' })
export class WithdrawDocumentInput implements WithdrawDocumentCommand {
  @Field(() => ID, { description: 'Identificador del documento.' })
  @IsString()
  documentId!: string;

  @Field({ description: 'Fecha del retiro (AAAA-MM-DD).' })
  @IsString()
  date!: string;

  @Field({ description: 'Motivo del retiro.' })
  @IsString()
  @MaxLength(1000)
  reason!: string;

  @Field({ nullable: true, description: 'Oficio del OPLE que lo retira, si lo hay.' })
  @IsOptional()
  @IsString()
  oficioNumber?: string;
}
