import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/build/**',
      '**/.svelte-kit/**',
      '**/.turbo/**',
      '.data/**',
      '**/test-results/**',
      'bench/out/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Issue 13: no function longer than 150 lines in the packages' and apps' code (tests are not held to it).
    files: ['packages/*/src/**/*.{ts,js,svelte}', 'apps/*/src/**/*.{ts,js,svelte}'],
    ignores: ['**/*.spec.ts', '**/*.test.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 150, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // Issue 13: the environment is read in one place, packages/config, validated by its schema; tests and benchmarks
    // may set and read their own variables. Writing a variable for a child process or a later config() is allowed.
    files: ['**/*.{ts,js,mjs,cjs,svelte}'],
    ignores: ['packages/config/**', '**/test/**', '**/*.spec.ts', '**/*.test.ts', 'e2e/**', 'bench/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.type='MemberExpression'][object.object.name='process'][object.property.name='env']:not(AssignmentExpression[operator='='] > MemberExpression.left)",
          message:
            'Read configuration through config() from @observatoire/config (add the variable to its schema), not process.env. / Lisez la configuration par config() de @observatoire/config.',
        },
        {
          selector: "VariableDeclarator[id.type='ObjectPattern'][init.object.name='process'][init.property.name='env']",
          message:
            'Read configuration through config() from @observatoire/config (add the variable to its schema), not process.env. / Lisez la configuration par config() de @observatoire/config.',
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
);
