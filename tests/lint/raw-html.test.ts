import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * Data text never reaches the DOM as HTML. The lint rule (no-restricted-syntax in eslint.config.js) forbids
 * dangerouslySetInnerHTML, innerHTML/outerHTML assignments and insertAdjacentHTML/document.write; these probes
 * prove it fires, and a scan of src/ proves nothing slipped past it (say, behind a disable comment).
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

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('no raw HTML from data', () => {
  it('rejects dangerouslySetInnerHTML in a component', async () => {
    const fired = await rulesFiredFor(
      'src/ui/probe.tsx',
      'export const Title = ({ text }: { text: string }) => <p dangerouslySetInnerHTML={{ __html: text }} />;\n',
    );
    expect(fired).toContain('no-restricted-syntax');
  });

  it('rejects innerHTML and insertAdjacentHTML', async () => {
    const assigned = await rulesFiredFor(
      'src/map/probe.ts',
      'export function show(el: HTMLElement, text: string) { el.innerHTML = text; }\n',
    );
    const inserted = await rulesFiredFor(
      'src/map/probe.ts',
      "export function show(el: HTMLElement, text: string) { el.insertAdjacentHTML('beforeend', text); }\n",
    );
    expect(assigned).toContain('no-restricted-syntax');
    expect(inserted).toContain('no-restricted-syntax');
  });

  it('finds none of them anywhere in src/', () => {
    const offenders = sourceFiles('src').filter((path) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|setHTMLUnsafe/.test(
        readFileSync(path, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
