import { useEffect, useState } from 'react'
import { Button, Group, Image, Loader, ScrollArea, Slider, Text } from '@mantine/core'
import type { FileInfo } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { messageOf } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { Modal } from '../ui/layers'

/** Full-size view of a stored file: zoom, and page through PDFs. */
export function FileViewer(props: { file: FileInfo | null; onClose: () => void }) {
  const api = useApi()
  const { pick } = useI18n()
  const [page, setPage] = useState(1)
  const [zoom, setZoom] = useState(100)
  const [view, setView] = useState<{ dataUrl: string; pages: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const sha256 = props.file?.sha256

  useEffect(() => {
    if (!sha256) return
    let live = true
    api['files.view']({ sha256, page }).then(
      (v) => {
        if (live) setView(v)
      },
      (e: unknown) => {
        if (live) setError(messageOf(e))
      },
    )
    return () => {
      live = false
    }
  }, [api, sha256, page])

  const pages = view?.pages ?? props.file?.pages ?? 1
  return (
    <Modal
      opened={props.file !== null}
      onClose={() => {
        setView(null)
        setPage(1)
        setZoom(100)
        props.onClose()
      }}
      size="90%"
      title={props.file?.originalName || pick('查看文件', 'View file')}
    >
      <Group mb="sm" justify="space-between">
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            {pick('上一页', 'Previous')}
          </Button>
          <Text size="sm">{pick(`第 ${page} / ${pages} 页`, `Page ${page} / ${pages}`)}</Text>
          <Button
            size="xs"
            variant="default"
            disabled={page >= pages}
            onClick={() => setPage(page + 1)}
          >
            {pick('下一页', 'Next')}
          </Button>
        </Group>
        <Group gap="xs" w={260}>
          <Text size="sm">{pick('缩放', 'Zoom')}</Text>
          <Slider
            flex={1}
            min={25}
            max={300}
            step={25}
            value={zoom}
            onChange={setZoom}
            label={(v) => `${v}%`}
            aria-label={pick('缩放', 'Zoom')}
          />
        </Group>
      </Group>
      {error && <Text c="red">{error}</Text>}
      {!view && !error && <Loader />}
      {view && (
        <ScrollArea h="70vh">
          <Image src={view.dataUrl} w={`${zoom}%`} alt={pick('文件内容', 'File content')} />
        </ScrollArea>
      )}
    </Modal>
  )
}
