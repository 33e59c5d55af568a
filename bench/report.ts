import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { BenchFigure, BenchInfo } from './bench-module';

export interface MachineDescription {
  cores: number;
  cpu: string;
  node: string;
  platform: string;
  commit: string;
  date: string;
}

export function describeMachine(): MachineDescription {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Outside a git checkout the commit is simply not known.
  }
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    commit,
    date: new Date().toISOString(),
  };
}

const milliseconds = (value: number) =>
  value >= 100 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(3);
const times = (value: number) => `${value >= 100 ? value.toFixed(0) : value.toFixed(1)}×`;

/** A Markdown table: pasteable into docs/performance.md as it is. */
export function formatTable(figures: readonly BenchFigure[], info: readonly BenchInfo[]): string {
  const lines = [
    '| figure | candidate ms | baseline ms | speedup (median of per-run ratios) | goal | result | check |',
    '|---|---:|---:|---:|---:|---|---|',
    ...figures.map((figure) => {
      const result =
        figure.goal === undefined ? 'reference' : figure.speedup >= figure.goal ? 'met' : 'NOT MET';
      const check = figure.check
        ? `${figure.check.passed ? 'ok' : 'MISMATCH'}: ${figure.check.description}`
        : '';
      const goal = figure.goal === undefined ? '' : `≥ ${figure.goal}×`;
      const cells = [
        figure.label,
        milliseconds(figure.candidateMilliseconds),
        milliseconds(figure.baselineMilliseconds),
        times(figure.speedup),
        goal,
        result,
        check,
      ];
      return `| ${cells.join(' | ')} |`;
    }),
    ...info.map((item) => {
      const value = `${milliseconds(item.value)}${item.unit === 'ms' ? '' : ` ${item.unit}`}`;
      const goal = item.goal ? item.goal.description : '';
      const result = item.goal ? (item.goal.met ? 'met' : 'NOT MET') : 'info';
      return `| ${item.label} | ${value} | | | ${goal} | ${result} | |`;
    }),
  ];
  return lines.join('\n');
}

export function writeResults(
  path: string,
  machine: MachineDescription,
  figures: readonly BenchFigure[],
  info: readonly BenchInfo[],
): void {
  mkdirSync(path.slice(0, path.lastIndexOf('/')), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ machine, figures, info }, null, 2)}\n`);
}
