import type { BenchFigure, BenchInfo, BenchModule } from './bench-module';
import { firstMapBench } from './browser/first-map.bench';
import { lighthouseBench } from './browser/lighthouse.bench';
import { provincePanBench } from './browser/province-pan.bench';
import { closeBrowserSession } from './browser/session';
import { bundleBench } from './bundle.bench';
import { cameraColumnsBench } from './camera-columns.bench';
import { caseColumnsBench } from './case-columns.bench';
import { columnarBench } from './columnar.bench';
import { gridsValidationBench } from './grids-validation.bench';
import { indicatorsWorkerBench } from './indicators-worker.bench';
import { joinBench } from './join.bench';
import { planValidationBench } from './plan-validation.bench';
import { liveCasesBench } from './live-cases.bench';
import { serverLoadBench } from './server-load.bench';
import { quick, sized } from './quick';
import { describeMachine, formatTable, writeResults } from './report';

/**
 * The benchmark harness: `npm run bench` (`tsx bench/run.ts`), optionally `-- --only join` to run the modules whose
 * name contains a word. Modules marked `chromium` run in headless Chromium against the production build
 * (bench/browser/session.ts: vite preview on 127.0.0.1, built first if missing); `--node-only` skips them.
 * `--quick` (bench/quick.ts): every correctness check on small data, one run each; `npm test` runs it. The exit
 * status is 1 when any check finds a mismatch.
 */
export const benchModules: BenchModule[] = [
  joinBench({ gridCount: 5_000, baselineSample: sized(20_000, 2_000), goal: 100 }),
  joinBench({ gridCount: 70_000, baselineSample: sized(10_000, 500), goal: 400 }),
  columnarBench,
  cameraColumnsBench,
  caseColumnsBench,
  gridsValidationBench,
  planValidationBench([10, 100]),
  liveCasesBench,
  indicatorsWorkerBench,
  firstMapBench,
  provincePanBench,
  lighthouseBench,
  bundleBench,
  serverLoadBench,
];

// A quick run's figures (small data, one run) never replace the full run's.
const resultsPath = quick ? 'bench-results/bench-quick.json' : 'bench-results/bench.json';

async function main(): Promise<void> {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex === -1 ? undefined : process.argv[onlyIndex + 1];
  const machine = describeMachine();
  console.log(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, commit ${machine.commit}`);
  const figures: BenchFigure[] = [];
  const info: BenchInfo[] = [];
  for (const module of benchModules) {
    if (only !== undefined && !module.name.includes(only)) continue;
    if (module.environment !== 'node' && process.argv.includes('--node-only')) {
      console.log(`skipped ${module.name}: runs in ${module.environment}`);
      continue;
    }
    const started = performance.now();
    const result = await module.run((line) => console.log(`  ${line}`));
    figures.push(...result.figures);
    info.push(...result.info);
    console.log(`${module.name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await closeBrowserSession();
  console.log(`\n${formatTable(figures, info)}\n`);
  writeResults(resultsPath, machine, figures, info);
  console.log(`written ${resultsPath}`);
  // Every correctness check gates the run, and so does every size budget (speed goals do not: a shared machine is
  // noisy, while a build's size is the same on any machine).
  const failed = figures.filter((figure) => figure.check?.passed === false);
  const checked = figures.filter((figure) => figure.check !== undefined).length;
  for (const figure of failed) console.error(`MISMATCH ${figure.id}: ${figure.check?.description}`);
  console.log(`${checked - failed.length} of ${checked} correctness checks passed`);
  const overBudget = info.filter((item) => item.goal?.gates === true && !item.goal.met);
  for (const item of overBudget)
    console.error(
      `OVER BUDGET ${item.id}: ${item.value.toFixed(1)} ${item.unit}, goal ${item.goal?.description}`,
    );
  if (failed.length > 0 || overBudget.length > 0) process.exitCode = 1;
}

await main();
