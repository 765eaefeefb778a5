/** The page marker pageName appends; shortening a long name keeps it (safe-names.ts). */
export const PAGE_SUFFIX = /_第\d+页$/

/**
 * The file name for page `pageIndex` (0-based) of a document exported as `pageCount` images:
 * `商标注册证_青禾_45678901_第1页.jpg`; a one-page document gets no marker. The result still goes
 * through safeFileName / NameAllocator.
 */
export function pageName(base: string, ext: string, pageIndex: number, pageCount: number): string {
  if (!Number.isInteger(pageCount) || pageCount < 1) {
    throw new RangeError(`pageCount must be a positive integer, got ${pageCount}`)
  }
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || pageIndex >= pageCount) {
    throw new RangeError(`pageIndex must be in [0, ${pageCount}), got ${pageIndex}`)
  }
  const dotless = ext.replace(/^\.+/, '')
  const stem = pageCount > 1 ? `${base}_第${pageIndex + 1}页` : base
  return dotless === '' ? stem : `${stem}.${dotless}`
}
