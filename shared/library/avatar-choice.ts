/**
 * Which of a packet's avatars the export uses (issue 13 item 6), one answer for the plan, the
 * export and the screen: among those with a file, the one the clerk chose last (`preferredAt`),
 * else the newest. `avatars` oldest first (as the library lists documents).
 */
export function avatarInUse<T extends { file: unknown; preferredAt: string | null }>(
  avatars: readonly T[],
): T | null {
  const usable = avatars.filter((a) => a.file !== null && a.file !== undefined)
  let chosen: T | null = null
  for (const a of usable)
    if (a.preferredAt !== null && (chosen === null || a.preferredAt >= (chosen.preferredAt ?? '')))
      chosen = a
  return chosen ?? usable[usable.length - 1] ?? null
}
