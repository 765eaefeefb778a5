import { AppError } from '../../../shared/errors'
import type { Executor, VersionedTable } from './library-store'

/** How a row is named in the refusal: 该公司, 该商标 … */
const NOUNS: Record<VersionedTable, string> = {
  companies: '该公司',
  persons: '该自然人',
  trademarks: '该商标',
  relations: '该关系',
  documents: '该文件记录',
  packets: '该资质包',
  letters: '该授权书',
  letter_templates: '该模板',
}

/** `2026-12-01T03:04:05.000Z` → `2026-12-01 11:04` (China's clock, where the clerks are). */
function describeWhen(iso: string): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString()
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`
}

/**
 * Update one editable row made from `expectedVersion` (when the caller knows it: a form does).
 * The version is part of the UPDATE's WHERE, so of two clerks saving the same version at once,
 * the second finds no row — on PostgreSQL it waits for the first's row lock, then re-checks —
 * and is refused naming who changed it and when; nothing is overwritten (no lost update).
 */
export async function updateVersioned(
  trx: Executor,
  table: VersionedTable,
  id: string,
  expectedVersion: number | undefined,
  values: Record<string, unknown>,
): Promise<void> {
  // One code path for eight tables, typed as one of them (all have id, version, updated_*).
  const db = trx
  let query = db
    .updateTable(table as 'companies')
    .set(values)
    .where('id', '=', id)
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion as never)
  const result = await query.executeTakeFirst()
  if (Number(result.numUpdatedRows) > 0) return
  const current = await db
    .selectFrom(table as 'companies')
    .select(['updated_at', 'updated_by', 'version'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!current) throw new AppError('NOT_FOUND', `找不到${NOUNS[table]}（可能已被删除）。`)
  const who = current.updated_by ? `“${current.updated_by}”` : '另一个窗口'
  throw new AppError(
    'STALE',
    `没有保存：${NOUNS[table]}已被${who}于 ${describeWhen(current.updated_at)} 修改过，你看到的是修改前的内容。你填写的内容仍保留在表单中；请重新加载，核对后再保存。`,
  )
}
