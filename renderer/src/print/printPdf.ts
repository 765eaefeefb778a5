import { base64ToBytes } from '../library/base64'

/**
 * Print a PDF the backend produced, from the PDF itself (issue 13 item 3): the browser's own PDF
 * viewer in a hidden frame prints every page at full size, signature lines included — not the
 * dialog's scroll area. The frame is same-origin (a blob: URL; CSP `frame-src blob:`) and is
 * removed once the next print starts or the page unloads.
 */
export function printPdf(dataBase64: string): Promise<void> {
  document.querySelectorAll('iframe[data-testid="print-frame"]').forEach((old) => {
    URL.revokeObjectURL((old as HTMLIFrameElement).src)
    old.remove()
  })
  const bytes = base64ToBytes(dataBase64)
  const blob = new Blob([bytes], { type: 'application/pdf' })
  const frame = document.createElement('iframe')
  frame.dataset.testid = 'print-frame'
  frame.title = 'print'
  // Off screen but laid out: a display:none frame never loads its PDF viewer.
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '1px',
    height: '1px',
    border: '0',
    opacity: '0',
  })
  return new Promise((resolve, reject) => {
    frame.onload = () => {
      try {
        frame.contentWindow?.print()
        frame.dataset.printRequested = 'true'
        resolve()
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    }
    frame.src = URL.createObjectURL(blob)
    // What is printed, for a check that it is the whole PDF (the CSP keeps blob: unreadable).
    void crypto.subtle.digest('SHA-256', bytes).then((digest) => {
      frame.dataset.pdfSha256 = Array.from(new Uint8Array(digest), (b) =>
        b.toString(16).padStart(2, '0'),
      ).join('')
    })
    document.body.appendChild(frame)
  })
}
