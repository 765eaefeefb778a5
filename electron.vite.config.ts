import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { CONTENT_SECURITY_POLICY } from './shared/csp'

// The Node-side entries share one build: the Electron main process, the browser host (used
// when the Electron binary is missing), the decoding and fitting workers and the preload.
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          host: resolve(__dirname, 'electron/host/start.ts'),
          // The worker process of the decoding pool (electron/services/workers/pool.ts).
          worker: resolve(__dirname, 'electron/services/workers/child.ts'),
          // The worker process of the export's fitting pool (its own tasks, pdfjs loaded on demand).
          'fitting-worker': resolve(__dirname, 'electron/services/workers/fitting-child.ts'),
          // The OCR worker (electron/services/reading/ocr-pool.ts): PaddleOCR, one page at a time.
          'ocr-worker': resolve(__dirname, 'electron/services/reading/ocr-child.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [
      react(),
      {
        name: 'packetdesk-csp',
        // One CSP string, shared with the browser host's header (shared/csp.ts).
        transformIndexHtml: (html) => html.replace('%PACKETDESK_CSP%', CONTENT_SECURITY_POLICY),
      },
    ],
    build: {
      rolldownOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
})
