import { randomBytes } from 'node:crypto'
import { link, open, stat, unlink } from 'node:fs/promises'
import { isAbsolute, join } from 'node:path'
import { PDFDocument } from '@cantoo/pdf-lib'
import { AppError } from '../../../shared/errors'
import { fileLabel } from '../../../shared/rules/requirement-derive'
import { NameAllocator } from '../export/safe-names'
import { auditIdReveal } from '../library/audit'
import { getRelation } from '../library/relations'
import type { FileStore } from '../storage/file-store'
import type { Executor } from '../storage/library-store'
import { listLetters } from './records'

export interface LetterPdf {
  id: string
  fileName: string
  bytes: Uint8Array
}

/**
 * The letters' PDFs as stored, in the order asked, each with the name `letters.pdf` gives it. A
 * person grantor's ID number is on the letter (R11): reading it is audited, as for one letter.
 */
export async function letterPdfs(
  db: Executor,
  files: FileStore,
  ids: readonly string[],
): Promise<LetterPdf[]> {
  const all = new Map((await listLetters(db, {})).map((l) => [l.id, l]))
  const out: LetterPdf[] = []
  for (const id of ids) {
    const letter = all.get(id)
    if (!letter) throw new AppError('NOT_FOUND', '找不到该授权书（可能已被删除）。')
    const relation = await getRelation(db, letter.relationId)
    if (relation.from.kind === 'person') await auditIdReveal(db, relation.from.id, 'letter pdf')
    out.push({
      id,
      fileName: `${fileLabel(letter.requirement)}_${relation.from.name}_${letter.createdAt.slice(0, 10)}.pdf`,
      bytes: await files.read(letter.pdfSha256),
    })
  }
  return out
}

/** One PDF of all the letters, one after another (全部打印): pages = the sum of theirs. */
export async function combineLetterPdfs(pdfs: readonly LetterPdf[]): Promise<Uint8Array> {
  const combined = await PDFDocument.create()
  combined.setTitle('授权书（合并打印）')
  for (const pdf of pdfs) {
    const source = await PDFDocument.load(pdf.bytes)
    const pages = await combined.copyPages(source, source.getPageIndices())
    for (const page of pages) combined.addPage(page)
  }
  return combined.save()
}

/** Why a folder cannot take the letters, in Chinese; null when it can. */
async function folderProblem(dir: string): Promise<string | null> {
  if (!isAbsolute(dir))
    return `请填写完整的文件夹路径（例如 /Users/me/授权书 或 D:\\授权书）：${dir}`
  try {
    const info = await stat(dir)
    return info.isDirectory() ? null : `这不是文件夹：${dir}`
  } catch {
    return `文件夹不存在：${dir}（请先建好文件夹，或换一个路径）`
  }
}

/**
 * 保存到文件夹: each letter's PDF into `dir`, each written to a temporary name, flushed, then
 * linked to its own name — an existing file is never overwritten (a name taken gets `_2`), and a
 * half-written file never shows under a letter's name.
 */
export async function saveLetterPdfs(
  pdfs: readonly LetterPdf[],
  dir: string,
): Promise<{ dir: string; files: string[] }> {
  const problem = await folderProblem(dir)
  if (problem) throw new AppError('INVALID_ARGUMENT', problem)
  const names = new NameAllocator(dir.length + 1)
  const written: string[] = []
  for (const pdf of pdfs) {
    const temp = join(dir, `.${randomBytes(6).toString('hex')}.partial`)
    try {
      const handle = await open(temp, 'wx')
      try {
        await handle.writeFile(pdf.bytes)
        await handle.sync()
      } finally {
        await handle.close()
      }
      for (;;) {
        const name = names.allocate('', pdf.fileName)
        try {
          await link(temp, join(dir, name))
          written.push(name)
          break
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
        }
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const why = code === 'EACCES' || code === 'EPERM' ? '没有写入权限' : (error as Error).message
      throw new AppError(
        'INTERNAL',
        `无法写入文件夹 ${dir}：${why}（已保存 ${written.length} 份，其余未保存）`,
      )
    } finally {
      await unlink(temp).catch(() => undefined)
    }
  }
  return { dir, files: written }
}
