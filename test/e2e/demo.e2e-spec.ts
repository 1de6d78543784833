import { runDemo } from '@seguimiento/infra/demo';
import { type TestStack, startTestStack } from '../support/test-stack';

describe('the npm start demo', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('plays through the API, and a second play changes nothing', async () => {
    const first: string[] = [];
    const operator = stack.tokens.issue({ subject: 'operador@iepc-gro', role: 'OPERATOR', institution: 'GRO' });
    expect(await runDemo(stack.graphqlUrl, operator, (l) => first.push(l))).toBe(true);
    expect(first.join('\n')).toContain('"status":"OBSERVED"');
    const second: string[] = [];
    expect(await runDemo(stack.graphqlUrl, operator, (l) => second.push(l))).toBe(true);
    expect(second.filter((l) => l.includes('"alreadyRecorded":true'))).toHaveLength(3);
  });
});
