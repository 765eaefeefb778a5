import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Group, Select, Stack, Text, Textarea } from '@mantine/core'
import type { BuiltinWording } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { messageOf, useLoad } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'

/**
 * Edit the wording of a built-in letter as a copy: same layout, the user's
 * paragraphs; the shipped text stays and can be restored.
 */
export function BuiltinWordingEditor() {
  const api = useApi()
  const { pick } = useI18n()
  const builtins = useLoad(() => api['letters.builtins']({}), [api])
  const [name, setName] = useState<string | null>(null)
  const [wording, setWording] = useState<BuiltinWording | null>(null)
  const [draft, setDraft] = useState<string[]>([])
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)

  useEffect(() => {
    if (!name) return
    let live = true
    api['letters.wording']({ name }).then(
      (w) => {
        if (!live) return
        setWording(w)
        setDraft(w.paragraphs)
        setMessage(null)
      },
      (e: unknown) => setMessage({ ok: false, text: messageOf(e) }),
    )
    return () => {
      live = false
    }
  }, [api, name])

  const save = (paragraphs: string[] | null) => {
    if (!name) return
    api['letters.saveWording']({ name, paragraphs }).then(
      (w) => {
        setWording(w)
        setDraft(w.paragraphs)
        setMessage({
          ok: true,
          text: paragraphs
            ? pick(
                '已保存为副本，之后生成的授权书使用新措辞。',
                'Saved as a copy; new letters use it.',
              )
            : pick('已恢复原文。', 'Original restored.'),
        })
      },
      (e: unknown) => setMessage({ ok: false, text: messageOf(e) }),
    )
  }

  return (
    <Stack>
      <Group align="end">
        <Select
          label={pick('内置模板', 'Built-in template')}
          data={(builtins.data ?? []).map((b) => ({ value: b.name, label: b.label }))}
          value={name}
          onChange={setName}
          w={320}
        />
        {wording?.edited && <Badge color="grape">{pick('已修改（副本）', 'Edited (copy)')}</Badge>}
      </Group>
      {wording && (
        <>
          <Text size="sm" c="dimmed">
            {pick(
              '花括号中的是占位符（如 {grantor.name}），生成时替换为实际内容；版式、签章位置不变。',
              'Words in braces are placeholders filled in when generating; the layout and signature areas stay.',
            )}
          </Text>
          {draft.map((text, index) => (
            <Textarea
              key={`${wording.name}-${index}`}
              label={pick(`第 ${index + 1} 段`, `Paragraph ${index + 1}`)}
              autosize
              minRows={2}
              value={text}
              onChange={(e) => {
                const next = [...draft]
                next[index] = e.currentTarget.value
                setDraft(next)
              }}
            />
          ))}
          <Group>
            <Button onClick={() => save(draft)}>{pick('保存为副本', 'Save as a copy')}</Button>
            {wording.edited && (
              <Button variant="subtle" color="gray" onClick={() => save(null)}>
                {pick('恢复原文', 'Restore the original')}
              </Button>
            )}
          </Group>
        </>
      )}
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
    </Stack>
  )
}
