import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/**
 * Lint with zero warnings. The import rules enforce the one-way flow of STYLE.md:
 * app → features → (map | data | ui) → (geo | domain); features don't import each other; no cycles.
 */
// The feature folders as they are on disk, so a zone never names a folder that does not exist.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const featureIsolation = features.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`],
  message: 'Features must not import each other: move the shared piece down to map, data, ui, geo or domain.',
}));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'node_modules',
      'public',
      'coverage',
      'test-results',
      'bench-results',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      // Data text reaches the DOM only through React's escaping: case titles, names and addresses come from
      // systems we do not control, and a public screen must never run what they contain.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML: render data as text (React escapes it).',
        },
        {
          selector:
            'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/], CallExpression[callee.property.name=/^(insertAdjacentHTML|setHTMLUnsafe)$/], CallExpression[callee.object.name="document"][callee.property.name=/^(write|writeln)$/]',
          message: 'No raw HTML: build elements or set textContent instead.',
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/domain',
              from: [
                './src/app',
                './src/features',
                './src/map',
                './src/data',
                './src/ui',
                './src/geo',
                './src/live',
                './mocks',
              ],
              message: 'The domain core is pure: it imports nothing from the rooms above it.',
            },
            {
              target: './src/geo',
              from: [
                './src/app',
                './src/features',
                './src/map',
                './src/data',
                './src/ui',
                './src/live',
                './mocks',
              ],
              message: 'Geometry code depends only on the domain.',
            },
            {
              target: './src/contract',
              from: [
                './src/app',
                './src/features',
                './src/map',
                './src/data',
                './src/ui',
                './src/live',
                './mocks',
                './server',
              ],
              message:
                'The contract module (schemas and columnar codec) is shared by client, mock and server: it depends only on geo and domain.',
            },
            {
              target: './server/src',
              from: [
                './src/app',
                './src/features',
                './src/map',
                './src/data',
                './src/ui',
                './src/live',
                './mocks',
              ],
              message:
                'The server shares the contract module, geo and domain with the client, nothing else (its seed script may use the demo generator in mocks).',
            },
            {
              target: ['./src/domain', './src/geo'],
              from: './src/contract',
              message: 'geo and domain sit below the contract module.',
            },
            {
              target: ['./src/map', './src/data', './src/ui'],
              from: ['./src/app', './src/features', './mocks'],
              message: 'map, data and ui sit below features and app.',
            },
            {
              target: './src/live',
              from: ['./src/app', './src/features', './src/map', './src/ui', './mocks'],
              message:
                'The live-case engine sits below the features and beside map and ui: it keeps the cases that data delivers current.',
            },
            {
              target: './src/data',
              from: './src/live',
              message: 'data delivers cases to the live-case engine; it does not use it.',
            },
            {
              target: './src/data',
              from: ['./src/ui', './src/map'],
              message:
                'data sits beside ui and map, not above them: the UI reads DataErrors structurally (ui/failure-text.ts).',
            },
            {
              target: './src/map',
              from: ['./src/data/queries.ts', './src/data/data-source-context.tsx'],
              message: 'The map receives data as props; features wire the queries to it.',
            },
            {
              target: './src/features',
              from: ['./src/app', './mocks'],
              message: 'Features sit below the app shell.',
            },
            {
              target: './mocks',
              from: ['./src/app', './src/features', './src/map', './src/ui', './src/live'],
              message: 'The mock API may use the domain, geometry and the contract module only.',
            },
            ...featureIsolation,
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['maplibre-gl', 'maplibre-gl/*', '@deck.gl/*'],
              message: 'Only src/map imports maplibre-gl or deck.gl.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/map/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'tests/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
