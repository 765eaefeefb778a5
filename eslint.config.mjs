import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Requirement ids (RULES.md §3) and scan kinds (§4b) live in shared/rules (requirements.ts, whose
 * table keys are the ids, and scan-kinds.ts); elsewhere code asks the requirements table instead
 * of spelling them. The lists are read from those files, so adding a requirement touches one
 * file; tests/unit/architecture/lint-vocabulary.test.ts checks the reading against the modules.
 * (`unknown` is left out: it is an ordinary word; the identity-document kinds are also the
 * person record's id types, owned by shared/validators, so they are left out too.)
 */
function readVocabulary() {
  const source = (file) => readFileSync(join(import.meta.dirname, 'shared', 'rules', file), 'utf8')
  const table = /export const REQUIREMENTS = \{\n([\s\S]*?)\n\} as const/.exec(
    source('requirements.ts'),
  )
  const ids = [...(table?.[1] ?? '').matchAll(/^ {2}([a-z_]+):/gm)].map((m) => m[1])
  const kinds = /export const SCAN_KINDS = \[([\s\S]*?)\]/.exec(source('scan-kinds.ts'))
  const excluded = new Set([
    'unknown',
    'resident_id',
    'passport',
    'hk_macao_permit',
    'taiwan_permit',
  ])
  const scanKinds = [...(kinds?.[1] ?? '').matchAll(/'([a-z_]+)'/g)]
    .map((m) => m[1])
    .filter((k) => !excluded.has(k))
  if (ids.length === 0 || scanKinds.length === 0)
    throw new Error('eslint.config.mjs: vocabulary not found')
  return [...new Set([...ids, ...scanKinds])]
}
const vocabulary = readVocabulary()
const vocabularyPattern = `/^(${vocabulary.join('|')})$/`

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', '.electron-native/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer must never reach Node: it talks to the backend through the contract only.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'electron', 'better-sqlite3', '**/electron/**'] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'node:*',
            'electron',
            'better-sqlite3',
            'react',
            '**/electron/**',
            '**/renderer/**',
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/host/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      // Services run under plain Node (tests, CLI, browser host): never import Electron.
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['electron/*'] }],
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['electron/services/db/migrations/**', 'electron/services/demo/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `Literal[value=${vocabularyPattern}]`,
          message:
            'Requirement ids and scan kinds live in shared/rules: ask the requirements table (requirement-derive.ts) instead.',
        },
      ],
    },
  },
  {
    // Handlers are uniformly async (storage becomes async with the team library), even where
    // today's SQLite code is synchronous: one way to return a result, a throw becomes a rejection.
    files: ['electron/services/handlers/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      globals: globals.node,
      parserOptions: { project: false, projectService: false },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  prettier,
)
