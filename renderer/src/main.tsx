import '@mantine/core/styles.css'
import '@mantine/dropzone/styles.css'
import './print.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { Alert, Center, MantineProvider, createTheme } from '@mantine/core'
import { translate } from '../../shared/i18n'
import { setupApi } from './api/client'
import { App } from './App'

const theme = createTheme({
  fontFamily:
    '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif',
})

const setup = setupApi()
const root = document.getElementById('root')
if (!root) throw new Error('#root missing')

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      {setup.kind === 'ready' ? (
        <App api={setup.api} />
      ) : (
        <Center h="100vh">
          <Alert color="red" title={translate('zh-CN', 'error.title')} maw={560}>
            {translate('zh-CN', 'error.noToken')}
            <br />
            {translate('en', 'error.noToken')}
          </Alert>
        </Center>
      )}
    </MantineProvider>
  </StrictMode>,
)
