import { parseCaseId } from '@seguimiento/contracts';
import { Args, ArgsType, Field, InputType, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Writes } from '../auth/auth.guard';
import { CurrentPrincipal, assertOpleAccess } from '../auth/current-principal';
import type { Principal } from '@seguimiento/auth';
import { scopedOple } from '../auth/scope';
import { AsOfField, LocalDateField, OpleField } from '../common/input-fields';
import { CorrespondenceEntry, EscalationEntry, Obligation, Oficio } from './models/register.models';
import { Acknowledgements } from './acknowledgements';
import { parseAsOf } from '../common/query-dates';
import { RegisterService } from './register.service';
import { TimeTravelService } from './time-travel.service';

@ArgsType()
class ObligationsArgs {
  @OpleField('Solo las de este OPLE.', true)
  ople?: string;

  @LocalDateField('Solo las que vencen a más tardar ese día (AAAA-MM-DD).', true)
  dueBefore?: string;

  @Field({ nullable: true, description: 'Verdadero: solo las vencidas; falso: solo las que no.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean;

  @AsOfField()
  asOf?: string;
}

@ArgsType()
class EscalationsArgs {
  @OpleField('Solo los de este OPLE.', true)
  ople?: string;

  @Field({ nullable: true, description: 'Verdadero: solo los de plazos aún en curso; falso: solo los ya superados.' })
  @IsOptional()
  @IsBoolean()
  open?: boolean;

  @AsOfField()
  asOf?: string;
}

@ArgsType()
class CorrespondenceArgs {
  @OpleField('Solo la de este OPLE.', true)
  ople?: string;

  @LocalDateField('Desde esta fecha (AAAA-MM-DD).', true)
  from?: string;

  @LocalDateField('Hasta esta fecha (AAAA-MM-DD).', true)
  to?: string;

  @Field({ nullable: true, description: 'IN (recibida del INE) u OUT (enviada por el OPLE).' })
  @IsOptional()
  @IsIn(['IN', 'OUT'], { message: 'debe ser IN u OUT' })
  direction?: string;

  @AsOfField()
  asOf?: string;
}

@ArgsType()
class OficioArgs {
  @Field({ description: 'Número del oficio, p. ej. INE/UTSI/1240/2024.' })
  @IsString()
  number!: string;
}

@InputType({ description: 'Hacerse cargo de un escalamiento.' })
class AcknowledgeEscalationInput {
  @Field({ description: 'El caso: document:<OPLE>:<clave> o request:<OPLE>:<oficio>.' })
  @IsString()
  @MaxLength(200)
  streamId!: string;

  @Field({ description: 'La clave del escalamiento (key del registro de escalamientos).' })
  @IsString()
  @MaxLength(300)
  key!: string;

  @Field({ nullable: true, description: 'Nota: qué se hizo.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'no puede exceder 1000 caracteres' })
  note?: string;
}

@Resolver()
export class RegisterResolver {
  constructor(
    private readonly register: RegisterService,
    private readonly timeTravel: TimeTravelService,
    private readonly acknowledgements: Acknowledgements,
  ) {}

  @Writes()
  @Mutation(() => EscalationEntry, {
    description: 'Registra que alguien se hizo cargo de un escalamiento (una sola vez; repetirlo no cambia nada).',
  })
  acknowledgeEscalation(
    @Args('input', { description: 'Lo que se registra; cada campo está descrito en su tipo de entrada.' })
    input: AcknowledgeEscalationInput,
    @CurrentPrincipal() who: Principal,
  ): Promise<EscalationEntry> {
    assertOpleAccess(who, parseCaseId(input.streamId)?.ople ?? '');
    return this.acknowledgements.acknowledge(input, who.subject);
  }

  @Query(() => [Obligation], {
    description: 'Obligaciones abiertas (solicitudes y entregables esperados), primero las que vencen antes.',
  })
  obligations(@Args() args: ObligationsArgs, @CurrentPrincipal() who: Principal): Promise<Obligation[]> {
    const filter = { ...args, ople: scopedOple(who, args.ople) };
    return args.asOf ? this.timeTravel.obligations(filter, parseAsOf(args.asOf)) : this.register.obligations(filter);
  }

  @Query(() => [EscalationEntry], { description: 'Escalamientos disparados, los más recientes primero.' })
  escalations(@Args() args: EscalationsArgs, @CurrentPrincipal() who: Principal): Promise<EscalationEntry[]> {
    return this.register.escalations({
      ...args,
      ople: scopedOple(who, args.ople),
      asOf: args.asOf ? parseAsOf(args.asOf) : undefined,
    });
  }

  @Query(() => [CorrespondenceEntry], {
    description: 'El registro de correspondencia: cada oficio recibido o enviado, con lo que cita.',
  })
  correspondence(@Args() args: CorrespondenceArgs, @CurrentPrincipal() who: Principal): Promise<CorrespondenceEntry[]> {
    return this.register.correspondence({
      ...args,
      ople: scopedOple(who, args.ople),
      asOf: args.asOf ? parseAsOf(args.asOf) : undefined,
    });
  }

  @Query(() => Oficio, { description: 'Un oficio: los casos que toca, los oficios que cita y los que lo citan.' })
  oficio(@Args() args: OficioArgs, @CurrentPrincipal() who: Principal): Promise<Oficio> {
    return this.register.oficio(args.number, scopedOple(who, undefined));
  }
}
