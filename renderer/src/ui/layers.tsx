import { useEffect, useId, useSyncExternalStore } from 'react'
import {
  Drawer as MantineDrawer,
  Modal as MantineModal,
  type DrawerProps,
  type ModalProps,
} from '@mantine/core'

/**
 * Escape closes only the top layer (issue 13 item 11). Every Mantine modal and drawer listens for
 * Escape on the window, so a confirm opened over a drawer used to close both. The open layers are
 * kept here in the order they opened; only the last one closes on Escape.
 */
let open: readonly string[] = []
const listeners = new Set<() => void>()

function setOpen(next: readonly string[]) {
  open = next
  for (const listener of listeners) listener()
}

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Whether this layer (opened or not) is the top one; registers it while it is opened. */
function useTopLayer(opened: boolean): boolean {
  const id = useId()
  useEffect(() => {
    if (!opened) return
    setOpen([...open.filter((x) => x !== id), id])
    return () => setOpen(open.filter((x) => x !== id))
  }, [id, opened])
  const top = useSyncExternalStore(subscribe, () => open[open.length - 1])
  // Before its effect runs, a layer just opened is the top one (nothing opens under another).
  return top === id || (opened && !open.includes(id))
}

/** Mantine's Modal; Escape closes it only when it is the top layer. */
export function Modal(props: ModalProps) {
  const top = useTopLayer(props.opened)
  return <MantineModal {...props} closeOnEscape={top && (props.closeOnEscape ?? true)} />
}

/** Mantine's Drawer; Escape closes it only when it is the top layer. */
export function Drawer(props: DrawerProps) {
  const top = useTopLayer(props.opened)
  return <MantineDrawer {...props} closeOnEscape={top && (props.closeOnEscape ?? true)} />
}
