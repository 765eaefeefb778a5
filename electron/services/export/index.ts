/** The export: one call that turns a packet into a folder ready to upload (export-packet.ts). */
export { exportPacket } from './export-packet'
