import { spawnSync } from 'node:child_process';

/** What one process cost: seconds of wall clock and of CPU (user + system), peak RSS in MiB. */
export interface Cost {
  wall: number;
  cpu: number;
  rssMiB: number;
  status: number;
}

/** Runs a command under /usr/bin/time -v and reads its cost. */
export function measure(cmd: string, args: string[]): Cost {
  const r = spawnSync('/usr/bin/time', ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const field = (label: string): number => {
    const m = new RegExp(`${label}: ([\\d.:]+)`).exec(r.stderr);
    return m?.[1]
      ? Number(m[1].includes(':') ? m[1].split(':').reduce((a, b) => a * 60 + Number(b), 0) : m[1])
      : NaN;
  };
  return {
    wall: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
    cpu: field('User time \\(seconds\\)') + field('System time \\(seconds\\)'),
    rssMiB: field('Maximum resident set size \\(kbytes\\)') / 1024,
    status: r.status ?? -1,
  };
}

export const fmt = (c: Cost): string =>
  `${c.wall.toFixed(2)} s écoulées, ${c.cpu.toFixed(2)} s CPU, ${c.rssMiB.toFixed(0)} Mio au plus`;

export const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
