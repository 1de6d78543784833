import { Controller, Get, HttpCode, ServiceUnavailableException } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';

type Check = 'ok' | string;

/** Liveness (`/health`) and readiness (`/ready`: PostgreSQL and Temporal reachable). */
@Controller()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly temporal: Client,
  ) {}

  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ready'; postgres: Check; temporal: Check }> {
    const [postgres, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.workflowService.getSystemInfo({})),
    ]);
    if (postgres !== 'ok' || temporal !== 'ok') {
      throw new ServiceUnavailableException({ status: 'not-ready', postgres, temporal });
    }
    return { status: 'ready', postgres, temporal };
  }
}

async function probe(fn: () => Promise<unknown>): Promise<Check> {
  try {
    await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout after 2 s')), 2000).unref()),
    ]);
    return 'ok';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
