import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { BridgeApi } from '../shared/contract'
import { BRIDGE_GLOBAL, EVENT_CHANNEL } from '../shared/methods'
import { createBridge } from './bridge'

const bridge = createBridge(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (listener) => {
    // The page gets the payload alone: the IPC event object would hand it `sender` (ipcRenderer).
    const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload)
    ipcRenderer.on(EVENT_CHANNEL, relay)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay)
    }
  },
) satisfies BridgeApi

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
