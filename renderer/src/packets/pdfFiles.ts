/** Save a PDF the backend produced (a download in the browser host, a save dialog in Electron). */
export function downloadPdf(fileName: string, dataBase64: string): void {
  const link = document.createElement('a')
  link.href = `data:application/pdf;base64,${dataBase64}`
  link.download = fileName
  link.click()
}

/**
 * Open a PDF for printing from the PDF itself (the viewer prints every page as made, nothing cut):
 * a new tab with the browser's PDF viewer. Where no tab may open (the Electron window refuses
 * new windows, a popup blocker), the PDF is saved instead, to print from the file.
 * Returns how it went.
 */
export function openPdfForPrinting(fileName: string, dataBase64: string): 'opened' | 'saved' {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }))
  const opened = window.open(url, '_blank')
  // The tab keeps its own copy once loaded; free ours a while later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  if (opened) return 'opened'
  downloadPdf(fileName, dataBase64)
  return 'saved'
}
