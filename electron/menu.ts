import type { MenuItemConstructorOptions } from 'electron'

/** The application menu: standard roles, Chinese labels. */
export function menuTemplate(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '窗口',
      submenu: [
        { role: 'minimize', label: '最小化' },
        { role: 'close', label: '关闭' },
      ],
    },
  ]
  if (platform === 'darwin') {
    template.unshift({
      label: 'PacketDesk',
      submenu: [
        { role: 'about', label: '关于 PacketDesk' },
        { type: 'separator' },
        { role: 'hide', label: '隐藏' },
        { role: 'quit', label: '退出' },
      ],
    })
  } else {
    template.unshift({ label: '文件', submenu: [{ role: 'quit', label: '退出' }] })
  }
  return template
}
