import { Injectable } from '@nestjs/common';
import {
  DOCUMENT_WORKFLOW_TYPE,
  REQUEST_WORKFLOW_TYPE,
  acknowledgeEscalationUpdate,
  parseCaseId,
} from '@seguimiento/contracts';
import { userError } from '../errors/graphql-errors';
import { ReadYourWrites } from '../infrastructure/read-your-writes';
import { CaseClosed, WorkflowCommands } from '../infrastructure/workflow-commands';
import type { EscalationEntry } from './models/register.models';
import { RegisterService } from './register.service';

/** Someone takes charge of an escalation: recorded by the case's workflow, then shown. */
@Injectable()
export class Acknowledgements {
  constructor(
    private readonly commands: WorkflowCommands,
    private readonly readYourWrites: ReadYourWrites,
    private readonly register: RegisterService,
  ) {}

  async acknowledge(input: { streamId: string; key: string; note?: string }, actor: string): Promise<EscalationEntry> {
    const parsed = parseCaseId(input.streamId);
    if (!parsed)
      throw userError(
        'BAD_USER_INPUT',
        `streamId: "${input.streamId}" no es un documento ni una solicitud`,
        'streamId',
      );
    const workflowType = parsed.kind === 'document' ? DOCUMENT_WORKFLOW_TYPE : REQUEST_WORKFLOW_TYPE;
    try {
      const result = await this.commands.send(
        { workflowType, workflowId: input.streamId, startArgs: [] },
        acknowledgeEscalationUpdate,
        { key: input.key, note: input.note },
        false,
        actor,
      );
      await this.readYourWrites.waitFor(result.position);
    } catch (error) {
      if (error instanceof CaseClosed)
        throw userError(
          'CONFLICT',
          `El caso ${input.streamId} ya está cerrado: sus escalamientos ya no corren.`,
          'streamId',
        );
      throw error;
    }
    const [entry] = await this.register.escalations({ streamId: input.streamId, key: input.key });
    if (!entry) throw userError('NOT_FOUND', `No existe el escalamiento ${input.key}`, 'key');
    return entry;
  }
}
