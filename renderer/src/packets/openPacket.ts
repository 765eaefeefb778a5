import { useEffect } from 'react'

const PACKET_HASH = /^#\/packets\/([^/?&]+)/

/** Go to the packets page with one packet open (a search hit): `#/packets/<id>`. */
export function openPacket(id: string): void {
  window.location.hash = `#/packets/${encodeURIComponent(id)}`
}

/**
 * On the packets page: open the packet the address names once the list has it, then put the
 * address back to the page's own (so closing the packet does not reopen it).
 */
export function usePacketFromHash<T extends { id: string }>(
  packets: T[] | null | undefined,
  open: (packet: T) => void,
): void {
  useEffect(() => {
    const check = () => {
      const id = PACKET_HASH.exec(window.location.hash)?.[1]
      if (!id || !packets) return
      const packet = packets.find((p) => p.id === decodeURIComponent(id))
      window.history.replaceState(null, '', '#/packets')
      if (packet) open(packet)
    }
    check()
    window.addEventListener('hashchange', check)
    return () => window.removeEventListener('hashchange', check)
  }, [packets, open])
}
