/*
 * Cell functions: µs per call over 100 000 in-process calls of CARBON.TRANSPORT and CNC.POSTE
 * (the work Excel's runtime asks of the add-in per cell). The bundles' sizes: bundle.bench.ts.
 */
import { performance } from 'node:perf_hooks';
import { transportModeNames } from '../src/domain/carbon/compute';
import { carbonTransportFunction, cncPosteFunction } from '../src/functions/functions';

/**
 * Excel's CustomFunctions.Error, as @types/custom-functions-runtime declares it: a plain class
 * with a code and a message, not a JavaScript Error (the tests' stand-in extends Error, whose
 * stack capture alone costs about 4.6 µs, the runtime's cost and not the add-in's). A misspelt
 * mode throws one.
 */
class RuntimeError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: RuntimeError,
  ErrorCode: { notAvailable: '#N/A', invalidValue: '#VALUE!', divisionByZero: '#DIV/0!' },
};

const N = 100_000;

function perCall(label: string, call: (i: number) => unknown): number {
  for (let i = 0; i < 2000; i += 1) call(i); // warm-up
  const t0 = performance.now();
  let sink = 0;
  for (let i = 0; i < N; i += 1) {
    const r = call(i);
    if (typeof r === 'number') sink += r;
    else if (typeof r === 'string') sink += r.length;
  }
  const us = ((performance.now() - t0) * 1000) / N;
  console.log(`${label.padEnd(44)} ${us.toFixed(2)} µs/appel (${N} appels, contrôle ${sink.toFixed(0)})`);
  return us;
}

const modes = [
  'train.tgv',
  'TGV',
  'voiture gazole',
  'utilitaire',
  'avion',
  'Avion moyen-courrier sans traînées',
];
const codes = ['3', '2.4', '2.4.1', '9.5', '1'];
const transport = perCall('CARBON.TRANSPORT(mode; km; personnes)', (i) =>
  carbonTransportFunction(modes[i % modes.length] ?? 'tgv', 100 + (i % 900), 1 + (i % 12)),
);
const poste = perCall('CNC.POSTE(code)', (i) => cncPosteFunction(codes[i % codes.length] ?? '3'));
// A column of the same typo (a jury's copy-down): the suggestions are computed once per spelling.
const typos = ['tgvv', 'voitur gazol', 'avoin'];
perCall('CARBON.TRANSPORT(mode mal orthographié)', (i) => {
  try {
    return carbonTransportFunction(typos[i % typos.length] ?? 'tgvv', 100, 1);
  } catch (e) {
    return (e as RuntimeError).message; // the #N/A with its suggestions, as Excel shows it
  }
});

// A new misspelling on every call (a class of students, each their own typo): one letter of a mode
// name replaced, dropped or doubled, so the suggestions are computed each time (target ≤ 20 µs).
const names = transportModeNames();
const typo = (i: number): string => {
  const name = names[i % names.length] ?? 'tgv';
  const at = Math.floor(i / names.length) % name.length;
  const letter = String.fromCharCode(97 + (Math.floor(i / 7) % 26));
  const edit = Math.floor(i / 3) % 3;
  if (edit === 0) return name.slice(0, at) + letter + name.slice(at + 1);
  if (edit === 1) return name.slice(0, at) + name.slice(at + 1);
  return name.slice(0, at) + letter + name.slice(at);
};
perCall('CARBON.TRANSPORT(faute nouvelle à chaque appel)', (i) => {
  try {
    return carbonTransportFunction(typo(i), 100, 1);
  } catch (e) {
    return (e as RuntimeError).message;
  }
});

console.log(`Rapport CARBON.TRANSPORT / CNC.POSTE : ${(transport / poste).toFixed(1)}`);
