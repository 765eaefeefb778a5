import { Button, Group } from '@mantine/core'
import { requirementLabel } from '../../../../shared/rules/labels'
import { useI18n } from '../../i18n/I18nProvider'
import { DocumentsPanel } from '../../library/DocumentsPanel'
import { LetterPanel } from '../LetterPanel'
import type { useRequirementTarget } from './useRequirementTarget'
import { Modal } from '../../ui/layers'

/** The import / letter dialog of an opened requirement, and the parent–subsidiary question. */
export function TargetDialogs(props: {
  targets: ReturnType<typeof useRequirementTarget>
  packetId: string | null | undefined
  subjectLabel: (subject: string) => string
  onChanged: () => void
}) {
  const { pick, language } = useI18n()
  const { open, parentChoice } = props.targets
  const title = open
    ? `${requirementLabel(open.ref.id, language)}${open.ref.subject ? `：${props.subjectLabel(open.ref.subject)}` : ''}`
    : ''
  const packet = props.packetId ? { packetId: props.packetId } : {}
  return (
    <>
      <Modal
        opened={parentChoice !== null}
        onClose={props.targets.cancelParentChoice}
        title={pick('哪一方是母公司？', 'Which is the parent company?')}
      >
        <Group>
          {parentChoice?.parties.map((party) => (
            <Button
              key={party.id}
              variant="light"
              onClick={() => props.targets.chooseParent(party.id)}
            >
              {pick(`${party.name} 是母公司`, `${party.name} is the parent`)}
            </Button>
          ))}
        </Group>
      </Modal>
      <Modal opened={open !== null} onClose={props.targets.close} title={title} size="xl">
        {open?.target.kind === 'relation' && open.target.letter && (
          <LetterPanel
            relationId={open.target.relationId}
            requirement={open.target.requirement}
            {...packet}
            onChanged={props.onChanged}
          />
        )}
        {open?.target.kind === 'relation' && !open.target.letter && (
          <DocumentsPanel
            ownerKind="relation"
            ownerId={open.target.relationId}
            requirement={open.target.requirement}
            onImported={props.onChanged}
          />
        )}
        {open?.target.kind === 'documents' && (
          <DocumentsPanel
            ownerKind={open.target.ownerKind}
            ownerId={open.target.ownerId}
            requirement={open.target.requirement}
            subject={open.target.subject}
            onImported={props.onChanged}
          />
        )}
      </Modal>
    </>
  )
}
