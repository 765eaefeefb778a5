#!/usr/bin/env node
// Build step: copy Noto Sans SC Regular (used by the authorization letters)
// and its licence from the npm package into resources/fonts/, so installers
// ship it and the app never depends on node_modules at run time.
// Usage: node scripts/copy-fonts.cjs [TARGET_DIR]   (default: resources/fonts)
const { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } = require('node:fs')
const { join } = require('node:path')

const root = join(__dirname, '..')
const pkg = join(root, 'node_modules', '@expo-google-fonts', 'noto-sans-sc')
const source = join(pkg, '400Regular', 'NotoSansSC_400Regular.ttf')
const target = process.argv[2] || join(root, 'resources', 'fonts')
const font = join(target, 'NotoSansSC-Regular.ttf')
const licence = join(target, 'OFL.txt')

// The package's LICENSE is Expo's MIT licence for its code; LICENSE_FONT is the font's OFL.
const LICENCE_CANDIDATES = ['LICENSE_FONT', 'OFL.txt', 'LICENSE-OFL.txt', 'OFL']

const OFL_NOTICE = `Noto Sans SC
Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.
Noto is a trademark of Google LLC.

This Font Software is licensed under the SIL Open Font License, Version 1.1.
The full licence text, with a FAQ, is available at: https://openfontlicense.org
(formerly https://scripts.sil.org/OFL).

The font file NotoSansSC-Regular.ttf is a renamed copy of
NotoSansSC_400Regular.ttf from the npm package @expo-google-fonts/noto-sans-sc.
`

function sameFile(a, b) {
  if (!existsSync(b)) return false
  const sa = statSync(a)
  const sb = statSync(b)
  return sa.size === sb.size && sa.mtimeMs <= sb.mtimeMs
}

if (!existsSync(source)) {
  process.stderr.write(
    `copy-fonts: ${source} not found; run npm install (the font is a devDependency)\n`,
  )
  process.exit(1)
}
mkdirSync(target, { recursive: true })
if (!sameFile(source, font)) copyFileSync(source, font)

const found = LICENCE_CANDIDATES.map((name) => join(pkg, name)).find((file) => existsSync(file))
if (found) copyFileSync(found, licence)
else writeFileSync(licence, OFL_NOTICE)
process.stdout.write(`copy-fonts: ${font} and ${licence}\n`)
