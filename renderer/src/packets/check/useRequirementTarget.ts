import { useState } from 'react'
import type { RequirementTarget } from '../../../../shared/library/schemas'
import type { RequirementRef } from '../../../../shared/rules/types'
import { useApi } from '../../api/ApiContext'
import { messageOf } from '../../hooks/useLoad'

/** A requirement opened for import or letter generation, with the title its dialog shows. */
export interface OpenTarget {
  ref: RequirementRef
  target: Exclude<RequirementTarget, { kind: 'chooseParent' }>
}

/**
 * The check step's buttons: the backend says where a requirement's file belongs
 * (packets.requirementTarget, from the requirements table); an unordered parent–subsidiary pair
 * first asks which party is the parent.
 */
export function useRequirementTarget(packetId: string | null | undefined) {
  const api = useApi()
  const [open, setOpen] = useState<OpenTarget | null>(null)
  const [parentChoice, setParentChoice] = useState<{
    ref: RequirementRef
    parties: { id: string; name: string }[]
  } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const openRequirement = async (ref: RequirementRef, parentId?: string) => {
    if (!packetId || busy) return
    setError(null)
    setBusy(true)
    try {
      const target = await api['packets.requirementTarget']({
        packetId,
        ref: { id: ref.id, subject: ref.subject },
        ...(parentId !== undefined ? { parentId } : {}),
      })
      if (target.kind === 'chooseParent') setParentChoice({ ref, parties: target.parties })
      else setOpen({ ref, target })
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const chooseParent = (parentId: string) => {
    const choice = parentChoice
    setParentChoice(null)
    if (choice) void openRequirement(choice.ref, parentId)
  }

  return {
    open,
    close: () => setOpen(null),
    parentChoice,
    cancelParentChoice: () => setParentChoice(null),
    chooseParent,
    openRequirement,
    busy,
    error,
  }
}
