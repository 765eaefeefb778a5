/**
 * A double-click does one thing (issue 13 item 4). Clerks double-click out of habit: the second
 * click of a pair lands on whatever the first one put under the pointer (新建资质包 → the wizard's
 * 返回列表; 加入资质包 → the next trademark in the list, which moved up). Nothing in the app is
 * meant to be double-clicked, so the second (and later) click of a pair is stopped before React
 * sees it. Text fields keep their own double-click (selecting a word): only the click event is
 * stopped there, never the selection.
 */
const TEXT_FIELDS =
  'input:not([type=checkbox]):not([type=radio]):not([type=button]):not([type=submit]), textarea, [contenteditable="true"]'

export function installDoubleClickGuard(target: Document = document): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.detail < 2) return
    const element = event.target instanceof Element ? event.target : null
    if (element?.closest(TEXT_FIELDS)) return
    event.preventDefault()
    event.stopImmediatePropagation()
  }
  // Capture phase on the document: before React's own listener on the root.
  target.addEventListener('click', onClick, true)
  return () => target.removeEventListener('click', onClick, true)
}
