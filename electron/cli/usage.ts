export const USAGE = `用法 / usage:
  packetdesk doctor [--data-dir DIR]   检查数据文件夹与数据库（JSON 输出；正常退出码 0，否则 1）
  packetdesk plan FILE.json            按规则计算场景所需材料（JSON 输出；场景无效时退出码 2）

通用 / common:
  --data-dir DIR   数据文件夹（默认：PACKETDESK_DATA_DIR 或系统应用数据目录下的 PacketDesk）
  --help           显示本帮助

退出码 / exit codes: 0 正常 · 1 检查未通过 · 2 参数错误`
