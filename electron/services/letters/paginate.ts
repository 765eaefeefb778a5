import type { Frame, Item } from './layout'

export interface Placed {
  item: Item
  top: number
}

/** Fill pages top to bottom; keep-with-next chains move to the next page together. */
export function paginate(items: Item[], frame: Frame): Placed[][] {
  const pages: Placed[][] = [[]]
  const available = frame.top - frame.bottom
  let y = frame.top
  const current = () => pages[pages.length - 1] ?? []
  const hasContent = () => current().some((p) => !p.item.space)
  items.forEach((item, i) => {
    if (item.space && !hasContent()) return
    let chain = item.height
    for (let j = i; items[j]?.keepWithNext && items[j + 1] && chain <= available; j++) {
      chain += items[j + 1]?.height ?? 0
    }
    const need = chain > available ? item.height : chain
    if (y - need < frame.bottom - 0.01 && hasContent()) {
      if (item.space) {
        // A trailing space never forces a new page on its own.
        return
      }
      pages.push([])
      y = frame.top
      if (item.header) {
        current().push({ item: item.header, top: y })
        y -= item.header.height
      }
    }
    current().push({ item, top: y })
    y -= item.height
  })
  return pages
}
