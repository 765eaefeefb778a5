/**
 * Device names Windows reserves in every folder, with or without an extension (`CON.txt` opens
 * the console). The superscript digits are on Microsoft's list too; CONIN$/CONOUT$ since NT.
 */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)$/i

/** Windows compares the part before the first dot, ignoring trailing spaces (`CON .txt`). */
function isWindowsReserved(name: string): boolean {
  const stem = name.split('.')[0] ?? ''
  return RESERVED.test(stem.trimEnd())
}

/** `CON.txt` → `CON_.txt`: the name stays recognisable and is no longer a device. */
export function escapeReserved(name: string): string {
  if (!isWindowsReserved(name)) return name
  const dot = name.indexOf('.')
  return dot < 0 ? `${name.trimEnd()}_` : `${name.slice(0, dot).trimEnd()}_${name.slice(dot)}`
}
