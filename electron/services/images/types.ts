/** An encoded image ready to write: what every fitting function returns. */
export interface FitResult {
  data: Buffer
  format: 'jpeg' | 'png'
  width: number
  height: number
  bytes: number
  /** libjpeg quality (standard tables) of a JPEG; absent for lossless PNG. */
  quality?: number
}
