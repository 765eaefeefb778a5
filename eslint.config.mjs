import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/**
 * Requirement ids (RULES.md §3) and scan kinds (§4b) live in shared/rules (requirements.ts,
 * scan-kinds.ts); elsewhere code asks the requirements table instead of spelling them.
 * tests/unit/lint-vocabulary.test.ts keeps these lists equal to shared/rules.
 * (`unknown` is left out: it is an ordinary word; the identity-document kinds are also the
 * person record's id types, owned by shared/validators, so they are left out too.)
 */
export const REQUIREMENT_IDS = [
  'avatar',
  'industry_qualification',
  'trademark_certificate',
  'trademark_acceptance_notice',
  'trademark_transfer_notice',
  'trademark_change_proof',
  'trademark_transfer_proof',
  'trademark_renewal_proof',
  'authorization_letter',
  'parent_subsidiary_proof',
  'general_agency_authorization',
  'registrant_id_copy',
  'icp_filing_screenshot',
  'software_copyright_certificate',
]
export const SCAN_KINDS_CHECKED = [
  'business_licence',
  'trademark_certificate',
  'acceptance_notice',
  'transfer_notice',
  'change_proof',
  'transfer_proof',
  'renewal_proof',
  'icp_filing',
  'software_copyright',
]
const vocabulary = [...new Set([...REQUIREMENT_IDS, ...SCAN_KINDS_CHECKED])]
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
