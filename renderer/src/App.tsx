import { useEffect, useState } from 'react'
import { Alert, AppShell, Button, Center, Group, Loader, NavLink, Text, Title } from '@mantine/core'
import type { ContractApi, Language } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { translate } from '../../shared/i18n'
import { ApiContext } from './api/ApiContext'
import type { OnEvent } from './api/client'
import { LiveRefreshProvider } from './api/LiveRefresh'
import { I18nProvider, useI18n } from './i18n/I18nProvider'
import { InterruptedImportNotice } from './library/InterruptedImportNotice'
import { LibraryPage } from './library/LibraryPage'
import { ReadingProgress, ReadingStatusProvider } from './library/ReadingProgress'
import { PacketsPage } from './packets/PacketsPage'
import { SettingsPage } from './pages/SettingsPage'
import { TodayPage } from './today/TodayPage'
import { TeamBanner } from './team/TeamBanner'
import { ROUTES, useHashRoute, type Route } from './useHashRoute'

const NAV_KEYS = {
  today: 'nav.today',
  library: 'nav.library',
  packets: 'nav.packets',
  settings: 'nav.settings',
} as const satisfies Record<Route, string>

function Shell(props: { onLanguageChange: (language: Language) => Promise<void> }) {
  const { t } = useI18n()
  const [route, navigate] = useHashRoute()
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 0 }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Title order={3}>{t('app.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('app.subtitle')}
            </Text>
          </Group>
          <ReadingProgress />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="navigation">
        {ROUTES.map((name) => (
          <NavLink
            key={name}
            href={`#/${name}`}
            label={t(NAV_KEYS[name])}
            active={route === name}
            onClick={(event) => {
              event.preventDefault()
              navigate(name)
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <TeamBanner />
        <InterruptedImportNotice />
        {route === 'today' && <TodayPage />}
        {route === 'library' && <LibraryPage />}
        {route === 'packets' && <PacketsPage />}
        {route === 'settings' && <SettingsPage onLanguageChange={props.onLanguageChange} />}
      </AppShell.Main>
    </AppShell>
  )
}

export function App(props: { api: ContractApi; onEvent?: OnEvent }) {
  const { api } = props
  const [language, setLanguage] = useState<Language | null>(null)
  const [loadError, setLoadError] = useState<AppError | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    api['settings.get']({}).then(
      (settings) => {
        setLoadError(null)
        setLanguage(settings.language)
      },
      (error: unknown) => {
        setLoadError(error instanceof AppError ? error : new AppError('INTERNAL', String(error)))
      },
    )
  }, [api, attempt])

  useEffect(() => {
    if (language) document.documentElement.lang = language
  }, [language])

  if (loadError) {
    const key = loadError.code === 'UNAUTHORIZED' ? 'error.unauthorized' : 'error.network'
    return (
      <Center h="100vh">
        <Alert color="red" title={translate('zh-CN', 'error.title')} maw={560}>
          <Text>{translate('zh-CN', key)}</Text>
          <Text size="sm" c="dimmed">
            {loadError.message}
          </Text>
          <Button mt="sm" variant="light" onClick={() => setAttempt((n) => n + 1)}>
            {translate('zh-CN', 'common.retry')}
          </Button>
        </Alert>
      </Center>
    )
  }
  if (!language) {
    return (
      <Center h="100vh">
        <Loader aria-label={translate('zh-CN', 'common.loading')} />
      </Center>
    )
  }
  return (
    <ApiContext.Provider value={api}>
      <LiveRefreshProvider onEvent={props.onEvent}>
        <I18nProvider language={language}>
          <ReadingStatusProvider>
            <Shell
              onLanguageChange={async (next) => {
                const saved = await api['settings.setLanguage']({ language: next })
                setLanguage(saved.language)
              }}
            />
          </ReadingStatusProvider>
        </I18nProvider>
      </LiveRefreshProvider>
    </ApiContext.Provider>
  )
}
