import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readdirSync } from 'node:fs';

/**
 * Lint with zero warnings. The import rules enforce the one-way flow of STYLE.md, generated from `levels` below:
 * app → features → (live | map | ui | data) → contract → geo → domain; features don't import each other; no cycles.
 */
// The feature folders as they are on disk, so a zone never names a folder that does not exist.
const features = readdirSync(new URL('./src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The rooms of src from the top down: a room imports only rooms on the levels below it (and, on its own level,
 * the siblings not barred below). Every folder of src must stand here, so a new room gets its zones at once.
 */
const levels = [['app'], ['features'], ['live', 'map', 'ui', 'data'], ['contract'], ['geo'], ['domain']];
/** Siblings on one level that a room still must not import. */
const barredSiblings = {
  live: ['map', 'ui'],
  data: ['live', 'ui', 'map'],
};
/** Why each room is barred from what is above it (the lint message). */
const roomReasons = {
  app: 'No room of src imports the server: client and server share the contract module.',
  features: 'Features sit below the app shell.',
  live: 'The live-case engine sits below the features and beside map and ui: it keeps the cases that data delivers current (data does not use it).',
  map: 'map, data and ui sit below features and app.',
  ui: 'map, data and ui sit below features and app.',
  data: 'data sits below features and app, beside ui and map and below the live-case engine: the UI reads DataErrors structurally (ui/failure-text.ts).',
  contract:
    'The contract module (schemas and columnar codec) is shared by client, mock and server: it depends only on geo and domain.',
  geo: 'Geometry code depends only on the domain.',
  domain: 'The domain core is pure: it imports nothing from the rooms above it.',
};
/** The rooms the mock API and the server share with the client; everything else of src is closed to them. */
const sharedRooms = ['contract', 'geo', 'domain'];

const srcRooms = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const unplaced = srcRooms.filter((room) => !levels.flat().includes(room));
const missing = levels.flat().filter((room) => !srcRooms.includes(room));
if (unplaced.length > 0 || missing.length > 0)
  throw new Error(`eslint.config.js levels do not match src: unplaced ${unplaced}, missing ${missing}`);

const roomPath = (room) => `./src/${room}`;
const directionZones = levels.flatMap((level, index) =>
  level
    .map((room) => ({
      target: roomPath(room),
      from: [
        ...levels.slice(0, index).flat().map(roomPath),
        ...(barredSiblings[room] ?? []).map(roomPath),
        // Only the app shell starts the mock API (in the demo); no room of src reaches into the server.
        ...(room === 'app' ? [] : ['./mocks']),
        './server',
      ],
      message: roomReasons[room],
    }))
    .filter((zone) => zone.from.length > 0),
);
const sharedOnlyZones = [
  {
    target: './mocks',
    message: 'The mock API may use the domain, geometry and the contract module only.',
  },
  {
    target: './server/src',
    message:
      'The server shares the contract module, geo and domain with the client, nothing else (its seed script may use the demo generator in mocks).',
  },
].map((zone) => ({ ...zone, from: srcRooms.filter((room) => !sharedRooms.includes(room)).map(roomPath) }));

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
            ...directionZones,
            ...sharedOnlyZones,
            {
              target: './src/map',
              from: ['./src/data/queries.ts', './src/data/data-source-context.tsx'],
              message: 'The map receives data as props; features wire the queries to it.',
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
