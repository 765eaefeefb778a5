import { useEffect, useState } from 'react'
import { Anchor, Box, Group, Image, Loader, Text } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/** The picture of the line a field was read from (reading.crop), once it is asked for. */
function useCrop(documentId: string, field: string, wanted: boolean) {
  const api = useApi()
  const [crop, setCrop] = useState<{ key: string; dataUrl?: string; error?: string } | null>(null)
  const key = `${documentId}:${field}`
  useEffect(() => {
    if (!wanted) return
    let live = true
    api['reading.crop']({ id: documentId, field }).then(
      (r) => {
        if (live) setCrop({ key, dataUrl: r.dataUrl })
      },
      (e: unknown) => {
        if (live) setCrop({ key, error: messageOf(e) })
      },
    )
    return () => {
      live = false
    }
  }, [api, documentId, field, key, wanted])
  return crop?.key === key ? crop : null
}

/**
 * The scan's line a field was read from. `auto`: shown at once; otherwise behind a 查看原文
 * link — always so for identity papers, whose line shows the number (the backend records
 * every view of it, as it records revealing a number).
 */
export function ScanLine(props: {
  documentId: string
  field: string
  auto?: boolean
  /** An identity paper: the link says that viewing is recorded. */
  sensitive?: boolean
  /** What the picture shows, for screen readers and the test. */
  alt: string
}) {
  const { pick } = useI18n()
  const [asked, setAsked] = useState(false)
  const wanted = props.auto === true || asked
  const crop = useCrop(props.documentId, props.field, wanted)
  if (!wanted) {
    return (
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={() => setAsked(true)}
        data-testid="scan-line-show"
      >
        {props.sensitive
          ? pick('查看原文（查看会被记录）', 'Show the scan (recorded)')
          : pick('查看原文', 'Show the scan')}
      </Anchor>
    )
  }
  return (
    <Box>
      {!crop && <Loader size="xs" type="dots" />}
      {crop?.error && (
        <Text size="xs" c="red">
          {crop.error}
        </Text>
      )}
      {crop?.dataUrl && (
        <Image
          src={crop.dataUrl}
          alt={props.alt}
          fit="contain"
          maw="100%"
          mah={72}
          w="auto"
          radius="xs"
          bd="1px solid var(--mantine-color-gray-4)"
          data-testid="scan-line"
        />
      )}
      {!props.auto && (
        <Group>
          <Anchor component="button" type="button" size="xs" onClick={() => setAsked(false)}>
            {pick('收起', 'Hide')}
          </Anchor>
        </Group>
      )}
    </Box>
  )
}
