import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultDataDir, resolveDataDir } from '../../electron/services/paths'

describe('data folder', () => {
  it('matches Electron userData on each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/u')).toBe(join('/home/u', '.config', 'PacketDesk'))
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe(
      join('/x', 'PacketDesk'),
    )
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe(
      join('/Users/u', 'Library', 'Application Support', 'PacketDesk'),
    )
    expect(
      defaultDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'C:\\Users\\u'),
    ).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'PacketDesk'))
  })

  it('lets PACKETDESK_DATA_DIR win', () => {
    expect(resolveDataDir({ PACKETDESK_DATA_DIR: '/data/pd' })).toBe('/data/pd')
    expect(resolveDataDir({ PACKETDESK_DATA_DIR: '  ' })).not.toBe('  ')
  })
})
