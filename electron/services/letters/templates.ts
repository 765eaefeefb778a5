import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'
import { resourcesDir } from '../resources'
import { letterTemplateSchema, unknownPlaceholders, type LetterTemplate } from './template-schema'

/** Built-in templates are `resources/templates/NAME.vN.json`; the highest N wins. */
const FILE_NAME = /^([a-z0-9-]+)\.v(\d+)\.json$/

export interface TemplateSummary {
  name: string
  version: number
  label: string
  description: string
  grantorKinds: ('person' | 'company')[]
}

function templatesDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(resourcesDir(env), 'templates')
}

/** A shipped template that does not parse is a packaging bug, not a user error. */
function readTemplate(file: string): LetterTemplate {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    throw new AppError('INTERNAL', `授权书模板文件无法读取：${file}`)
  }
  const parsed = letterTemplateSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.map(String).join('.') ?? ''
    throw new AppError('INTERNAL', `授权书模板 ${file} 格式错误：${where} ${issue?.message ?? ''}`)
  }
  const unknown = unknownPlaceholders(parsed.data)
  if (unknown.length > 0) {
    throw new AppError('INTERNAL', `授权书模板 ${file} 含有未知占位符：${unknown.join('、')}`)
  }
  return parsed.data
}

/** Latest version of each template file name, without parsing the files. */
function latestFiles(dir: string): Map<string, { version: number; file: string }> {
  const latest = new Map<string, { version: number; file: string }>()
  for (const entry of readdirSync(dir)) {
    const match = FILE_NAME.exec(entry)
    if (!match?.[1]) continue
    const version = Number(match[2])
    const seen = latest.get(match[1])
    if (!seen || seen.version < version) latest.set(match[1], { version, file: join(dir, entry) })
  }
  return latest
}

export function loadTemplate(name: string, env: NodeJS.ProcessEnv = process.env): LetterTemplate {
  const found = latestFiles(templatesDir(env)).get(name)
  if (!found) {
    const known = [...latestFiles(templatesDir(env)).keys()].sort().join('、')
    throw new AppError('NOT_FOUND', `没有名为“${name.slice(0, 60)}”的授权书模板（可用：${known}）`)
  }
  const template = readTemplate(found.file)
  if (template.name !== name || template.version !== found.version) {
    throw new AppError('INTERNAL', `授权书模板 ${found.file} 的 name/version 与文件名不符`)
  }
  return template
}

export function listTemplates(env: NodeJS.ProcessEnv = process.env): TemplateSummary[] {
  return [...latestFiles(templatesDir(env)).keys()].sort().map((name) => {
    const t = loadTemplate(name, env)
    return {
      name: t.name,
      version: t.version,
      label: t.label,
      description: t.description,
      grantorKinds: t.grantor.kinds,
    }
  })
}
