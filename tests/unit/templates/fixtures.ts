import { PDFDocument, StandardFonts, rgb } from '@cantoo/pdf-lib'

/** A flat A4 "platform template": printed labels, no form fields. */
export async function flatTemplatePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595.28, 841.89])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  page.drawText('AUTHORIZATION LETTER', { x: 180, y: 780, size: 18, font })
  const labels = ['Grantor:', 'ID number:', 'Trademark:', 'Grantee:']
  labels.forEach((label, i) => {
    const y = 700 - i * 50
    page.drawText(label, { x: 60, y, size: 12, font })
    page.drawLine({
      start: { x: 150, y: y - 4 },
      end: { x: 520, y: y - 4 },
      thickness: 0.5,
      color: rgb(0, 0, 0),
    })
  })
  return doc.save()
}

/** An A4 form with three text fields (one pre-filled with Latin text). */
export async function acroTemplatePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create()
  const page = doc.addPage([595.28, 841.89])
  const font = await doc.embedFont(StandardFonts.Helvetica)
  page.drawText('FORM', { x: 260, y: 780, size: 18, font })
  const form = doc.getForm()
  const fields: [string, number][] = [
    ['grantorName', 700],
    ['idNumber', 650],
    ['marks', 600],
  ]
  for (const [name, y] of fields) {
    const field = form.createTextField(name)
    field.addToPage(page, { x: 150, y, width: 300, height: 24 })
  }
  form.createTextField('note').addToPage(page, { x: 150, y: 500, width: 300, height: 24 })
  form.getTextField('note').setText('kept note')
  return doc.save()
}

export const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')
