import { counterValue } from './gateway-metrics';

describe("a counter in the gateway's /metrics", () => {
  const exposition = [
    '# HELP seguimiento_read_your_writes_timeouts_total Mutations that answered before…',
    '# TYPE seguimiento_read_your_writes_timeouts_total counter',
    'seguimiento_read_your_writes_timeouts_total 3',
    'seguimiento_read_your_writes_timeouts_total_extra 9',
    'seguimiento_rate_limited_requests_total{transport="http"} 5',
    '',
  ].join('\n');

  it('reads the sample of that exact name, not a longer one nor its help text', () => {
    expect(counterValue(exposition, 'seguimiento_read_your_writes_timeouts_total')).toBe(3);
    expect(counterValue(exposition, 'seguimiento_read_your_writes_timeouts_total_extra')).toBe(9);
  });

  it('is null for a counter the text does not have', () => {
    expect(counterValue(exposition, 'seguimiento_read_your_writes')).toBeNull();
    expect(counterValue('', 'seguimiento_read_your_writes_timeouts_total')).toBeNull();
  });
});
