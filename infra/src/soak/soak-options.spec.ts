import { parseDuration, parseSoakArgs } from './soak-options';

describe('parseSoakArgs', () => {
  it('defaults to 30 minutes, a kill every 45 s, every kind of victim, and a drawn seed', () => {
    expect(parseSoakArgs([], () => 42)).toEqual({
      durationMs: 1_800_000,
      killEveryMs: 45_000,
      pauseMs: { min: 3000, max: 15_000 },
      seed: 42,
      concurrency: 8,
      victims: ['worker', 'gateway', 'temporal', 'postgres'],
    });
  });

  it('reads every option', () => {
    const o = parseSoakArgs(
      [
        '--minutes',
        '2.5',
        '--kill-every',
        '1m',
        '--pause',
        '20s',
        '--seed',
        '7',
        '--concurrency',
        '3',
        '--victims',
        'worker,temporal',
      ],
      () => 1,
    );
    expect(o).toEqual({
      durationMs: 150_000,
      killEveryMs: 60_000,
      pauseMs: { min: 3000, max: 20_000 },
      seed: 7,
      concurrency: 3,
      victims: ['worker', 'temporal'],
    });
  });

  it.each([
    [['--minutes', '0'], /--minutes: "0" debe ser un número mayor que cero/],
    [['--minutes'], /--minutes: "" debe ser/],
    [['--kill-every', 'pronto'], /--kill-every: "pronto" no es una duración/],
    [['--seed', '1.5'], /--seed: "1.5" debe ser un número entero/],
    [
      ['--victims', 'worker,mail'],
      /--victims: "worker,mail" debe ser una lista de worker, gateway, temporal, postgres/,
    ],
    [['--kill-every', '10s', '--pause', '15s'], /--pause: 15 s no cabe en el intervalo de --kill-every \(10 s\)/],
    [['--fast'], /--fast: opción desconocida/],
  ])('refuses %j naming the option and the reason', (argv, message) => {
    expect(() => parseSoakArgs(argv, () => 1)).toThrow(message);
  });
});

describe('parseDuration', () => {
  it('reads seconds, minutes and milliseconds; a bare number is seconds', () => {
    expect(['45s', '2m', '1500ms', '30'].map((d) => parseDuration('--x', d))).toEqual([45_000, 120_000, 1500, 30_000]);
  });
});
