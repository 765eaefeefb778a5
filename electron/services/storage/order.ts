/**
 * A comparator in Unicode code-point order with the id as tie-break: the same order on both
 * engines (a database's collation would sort Chinese names differently on each).
 */
export function byCodePoint<T extends { id: string }>(key: (row: T) => string) {
  return (a: T, b: T): number => {
    const x = key(a)
    const y = key(b)
    if (x !== y) return x < y ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}
