// ESLint flat config. The import boundaries below are the architecture: a violation fails `npm run lint`.
import js from '@eslint/js';
import formatjs from 'eslint-plugin-formatjs';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream'];

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The renderer talks only to the API object: contract types and constants, nothing from Node, Electron or core.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          {
            // The whole contract is shared, but not its runtime validation (zod) nor the message files (the catalogue).
            group: ['**/electron/*', '!**/electron/contract', '**/electron/contract/schemas', '**/electron/contract/i18n/*.messages'],
            message: 'The renderer may import the contract (types, constants, the i18n catalogue), not its zod schemas or message files.',
          },
          { group: NODE_BUILTINS, message: 'The renderer has no Node: go through the API.' },
        ],
        [
          { name: 'electron', message: 'The renderer has no Electron: go through the API.' },
          { name: 'better-sqlite3', message: 'The renderer never touches SQLite: go through the API.' },
          { name: 'zod', message: 'Validation happens at the boundary in the core, not in the renderer.' },
        ],
      ),
    },
  },
  // Every word the interface shows comes from the message catalogue (electron/contract/i18n): no literal text in
  // JSX, nor in the attributes people read or hear, anywhere in the renderer.
  {
    files: ['renderer/src/**/*.tsx'],
    plugins: { formatjs },
    rules: {
      'formatjs/no-literal-string-in-jsx': [
        'error',
        { props: { include: [['*', '{aria-label,aria-description,aria-roledescription,title,placeholder,alt,label}']] } },
      ],
    },
  },
  // The contract is shared by everyone and depends on nobody.
  {
    files: ['electron/contract/**/*.ts'],
    rules: restrict(
      [{ group: ['../*', '!../contract'], message: 'The contract imports nothing but itself (and zod in schemas.ts).' }, { group: NODE_BUILTINS, message: 'The contract is runtime-neutral.' }],
      [{ name: 'electron', message: 'The contract is runtime-neutral.' }],
    ),
  },
  // The catalogue lives inside the contract, one folder down: it may use the rest of the contract, nothing outside.
  {
    files: ['electron/contract/i18n/**/*.ts'],
    rules: restrict(
      [{ group: ['../../*'], message: 'The contract imports nothing but itself.' }, { group: NODE_BUILTINS, message: 'The contract is runtime-neutral.' }],
      [{ name: 'electron', message: 'The contract is runtime-neutral.' }],
    ),
  },
  // The core is plain Node: never Electron, never the transports or the UI.
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict(
      [{ group: ['**/main/*', '**/main', '**/web/*', '**/web', '**/cli/*', '**/cli', '**/preload/*', '**/renderer/*'], message: 'The core does not depend on transports, the CLI or the UI.' }],
      [{ name: 'electron', message: 'The core is plain Node and must run without Electron.' }],
    ),
  },
  // The web transport and the CLI run in plain Node too.
  {
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(
      [{ group: ['**/main/*', '**/preload/*', '**/renderer/*'], message: 'Plain-Node entry points reach the app only through core and the contract.' }],
      [{ name: 'electron', message: 'This runs in plain Node, without Electron.' }],
    ),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict([{ group: ['**/core/*', '**/main/*', '**/web/*', '**/cli/*', ...NODE_BUILTINS], message: 'The preload exposes the contract over IPC and nothing else.' }]),
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
