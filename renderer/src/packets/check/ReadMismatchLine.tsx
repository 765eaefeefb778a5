import { Box, Text } from '@mantine/core'
import { idTypeOfKind } from '../../../../shared/reading/suggestions'
import { ownerOf } from '../../../../shared/rules/requirement-derive'
import type { RequirementRef } from '../../../../shared/rules/types'
import { useApi } from '../../api/ApiContext'
import { useLoad } from '../../hooks/useLoad'
import { useI18n } from '../../i18n/I18nProvider'
import { ScanLine } from '../../library/ScanLine'

/**
 * The document behind an R15–R17 mismatch: the requirement's file (where the requirements table
 * says it lives) whose read `field` differs from the record. Found from the library, not asked of
 * packets.requirementTarget, which is a write (it may declare a relation) and would set off a
 * refresh of the plan that shows this.
 */
function useMismatchDocument(
  packet: { id: string; applicantCompanyId: string },
  requirement: RequirementRef,
  field: string,
) {
  const api = useApi()
  return useLoad(async () => {
    const owner = ownerOf(requirement, packet)
    if (!owner || owner.ownerKind === 'relation') return null
    const documents = await api['documents.list']({
      ownerKind: owner.ownerKind,
      ownerId: owner.ownerId,
    })
    for (const doc of documents) {
      if (doc.requirement !== requirement.id || doc.reading?.state !== 'done') continue
      const reading = await api['reading.document']({ id: doc.id })
      if (reading.fields.some((f) => f.name === field && f.status === 'differs')) {
        return {
          documentId: doc.id,
          identity: reading.kind !== undefined && idTypeOfKind(reading.kind) !== null,
        }
      }
    }
    return null
  }, [api, packet.id, packet.applicantCompanyId, requirement.id, requirement.subject, field])
}

/**
 * Beside a requirement the scan contradicts (R15–R17: another number on the paper than in the
 * record), the line of the scan the number was read from, so the clerk sees which is right. An
 * identity paper's line shows the full number: only on request, and the backend records it.
 */
export function ReadMismatchLine(props: {
  packet: { id: string; applicantCompanyId: string }
  requirement: RequirementRef
  field: string
}) {
  const { pick } = useI18n()
  const found = useMismatchDocument(props.packet, props.requirement, props.field).data
  if (!found) return null
  return (
    <Box mt={6} data-testid="mismatch-line">
      <Text size="xs" c="dimmed" mb={2}>
        {pick('扫描件上的这一行：', 'The line on the scan:')}
      </Text>
      <ScanLine
        documentId={found.documentId}
        field={props.field}
        auto={!found.identity}
        sensitive={found.identity}
        alt={pick('扫描件上读出号码的一行', 'The line of the scan the number was read from')}
      />
    </Box>
  )
}
