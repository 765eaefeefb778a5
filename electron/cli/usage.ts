export const USAGE = `用法 / usage:
  packetdesk doctor [--data-dir DIR]              检查数据文件夹与数据库（JSON；正常 0，否则 1）
  packetdesk plan FILE.json                       按规则计算场景所需材料（JSON；场景无效时 2）
  packetdesk plan --packet ID [--data-dir DIR]    资料库中某个资质包的计划
  packetdesk packets [--data-dir DIR]             列出资质包 [{id, accountName, route, ready}]
  packetdesk export --packet ID --out DIR [--data-dir DIR] [--draft] [--no-watermark]
                                                  导出上传文件夹（打印文件夹路径；未就绪时 1，参数错误 2）
  packetdesk inspect FILE                         文件信息 {format, width, height, bytes, pages, color}（拒收时 2）
  packetdesk read FILE… [--today YYYY-MM-DD]      识别扫描件：每个文件一行 JSON {file, kind, fields, confidence, unsure, seconds}（打不开的文件 2）
  packetdesk validate KIND VALUE                  校验号码（KIND：resident_id, uscc, passport,
                                                  hk_macao_permit, taiwan_permit, trademark_no；有效 0，无效 1）
  packetdesk demo [--data-dir DIR]                在空资料库中载入演示数据
  packetdesk letter --template NAME --data FILE.json --out OUT.pdf [--parent grantor|grantee]
                                                  生成授权书 PDF（模板：person-to-company, company-to-company,
                                                  general-agency, parent-subsidiary；数据无效时 2）
  packetdesk letter --packet ID [--data-dir DIR] --out DIR   生成资质包需要的全部授权书
  packetdesk backup --out FILE [--data-dir DIR]   把整个资料库备份为一个文件（程序运行时也可）
  packetdesk restore FILE [--data-dir DIR]        校验备份后恢复；原资料库保留在旁边的文件夹
  packetdesk team init --database-url URL         团队资料库（PostgreSQL）：建角色、架构并迁移（可重复运行）
  packetdesk team add-clerk NAME --database-url URL   新建文员登录角色，打印其密码（只显示一次）
  packetdesk team push [--data-dir DIR] --database-url URL   把本地资料库复制到团队资料库（可重复，不重复添加）
  packetdesk team pull --database-url URL --data-dir DIR     把团队资料库完整写入一个新的本地文件夹

通用 / common:
  --data-dir DIR   数据文件夹（默认：PACKETDESK_DATA_DIR 或系统应用数据目录下的 PacketDesk）
  --database-url URL   团队资料库地址 postgres://用户名:密码@主机:端口/数据库（或 PACKETDESK_DATABASE_URL）
                   doctor、demo、plan --packet、packets、export、letter --packet 都可用它代替 --data-dir
  --help           显示本帮助

退出码 / exit codes: 0 正常 · 1 检查未通过/无效 · 2 参数错误`
