/** Raster formats sharp decodes for us (GIF: first frame only). */
export type RasterFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'gif'
export type FileFormat = RasterFormat | 'pdf'

/**
 * What the import step learns about a file. Width and height are after EXIF
 * orientation; for PDFs they are the first page's at PDF_RENDER_SCALE.
 */
export interface FileFacts {
  format: FileFormat
  width: number
  height: number
  bytes: number
  /** PDF or multi-page TIFF page count; 1 for other images. */
  pages: number
  /** True when any page holds real colour (a stamp or seal is enough). */
  color: boolean
}
