import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The import direction (app → features → map | data | ui → geo | domain) is a lint rule; these probes prove the
 * rule fires, so a config change cannot silently switch it off.
 */
const eslint = new ESLint({
  overrideConfig: [
    { languageOptions: { parserOptions: { projectService: false, project: null } } },
    tseslint.configs.disableTypeChecked,
  ],
});

async function rulesFiredFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('import direction', () => {
  it('keeps the domain pure', async () => {
    const fired = await rulesFiredFor('src/domain/probe.ts', "export { App } from '../app/app';\n");
    expect(fired).toContain('import-x/no-restricted-paths');
  });

  it('keeps features apart', async () => {
    const fired = await rulesFiredFor(
      'src/features/wall/probe.ts',
      "export { DashboardPage } from '../dashboard/dashboard-page';\n",
    );
    expect(fired).toContain('import-x/no-restricted-paths');
  });

  it('keeps the data layer from importing ui or map', async () => {
    for (const code of [
      "export { LayerAlert } from '../ui/layer-alert';\n",
      "export { cameraPointLayer } from '../map/cameras.layer';\n",
    ])
      expect(await rulesFiredFor('src/data/probe.ts', code)).toContain('import-x/no-restricted-paths');
  });

  it('keeps the live-case engine below the features, and the data layer from using it', async () => {
    expect(
      await rulesFiredFor(
        'src/live/probe.ts',
        "export { CasesPanel } from '../features/dashboard/cases/cases-panel';\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesFiredFor('src/data/probe.ts', "export { LiveCases } from '../live/live-cases';\n"),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await rulesFiredFor(
        'src/features/dashboard/probe.ts',
        "export { LiveCases } from '../../live/live-cases';\n",
      ),
    ).toEqual([]);
  });

  it('names every feature folder in the isolation zones, and only existing ones', async () => {
    for (const feature of ['dashboard', 'wall', 'planner']) {
      const other = feature === 'wall' ? 'planner/planner-page' : 'wall/wall-page';
      const fired = await rulesFiredFor(`src/features/${feature}/probe.ts`, `export * from '../${other}';\n`);
      expect(fired, feature).toContain('import-x/no-restricted-paths');
    }
  });

  it('derives the zones from the rooms of src: the mock API and the server reach only the shared rooms', async () => {
    const probes: [string, string][] = [
      ['mocks/probe.ts', "export { restAdapter } from '../src/data/rest/rest.adapter';\n"],
      ['server/src/probe.ts', "export { LiveCases } from '../../src/live/live-cases';\n"],
      ['src/contract/probe.ts', "export { handlers } from '../../mocks/api/handlers';\n"],
    ];
    for (const [file, code] of probes)
      expect(await rulesFiredFor(file, code), file).toContain('import-x/no-restricted-paths');
    expect(
      await rulesFiredFor('mocks/probe.ts', "export { caseStages } from '../src/domain/case';\n"),
    ).toEqual([]);
  });

  it('keeps maplibre-gl and deck.gl inside src/map', async () => {
    const fired = await rulesFiredFor(
      'src/features/wall/probe.ts',
      "export * as maplibre from 'maplibre-gl';\n",
    );
    expect(fired).toContain('no-restricted-imports');
  });

  it('allows the downward direction', async () => {
    const fired = await rulesFiredFor(
      'src/features/wall/probe.ts',
      "export { rateOf } from '../../domain/ratio';\n",
    );
    expect(fired).toEqual([]);
  });
});
