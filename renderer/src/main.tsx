import '@mantine/core/styles.css'
import '@mantine/dropzone/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider, createTheme } from '@mantine/core'
import { setupApi } from './api/client'
import { App } from './App'
import { installDoubleClickGuard } from './ui/doubleClickGuard'

const theme = createTheme({
  fontFamily:
    '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", system-ui, sans-serif',
})

installDoubleClickGuard()
const setup = setupApi()
const root = document.getElementById('root')
if (!root) throw new Error('#root missing')

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <App api={setup.api} onEvent={setup.onEvent} />
    </MantineProvider>
  </StrictMode>,
)
