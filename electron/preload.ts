import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeApi } from '../shared/contract'
import { BRIDGE_GLOBAL } from '../shared/methods'
import { createBridge } from './bridge'

const bridge = createBridge((channel, input) =>
  ipcRenderer.invoke(channel, input),
) satisfies BridgeApi

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
