import { LEGIBILITY_FLOOR } from './limits'

export interface FloorOptions {
  minLongSide?: number
  maxDownscale?: number
}

/**
 * The smallest long side we will export (see LEGIBILITY_FLOOR): 1600 px or a quarter of the
 * source, whichever is larger, but never more than the pixels we actually have.
 */
export function floorLongSide(
  sourceLongSide: number,
  workingLongSide: number,
  options: FloorOptions = {},
): number {
  const minLongSide = options.minLongSide ?? LEGIBILITY_FLOOR.minLongSide
  const maxDownscale = options.maxDownscale ?? LEGIBILITY_FLOOR.maxDownscale
  const floor = Math.max(minLongSide, Math.ceil(sourceLongSide / maxDownscale))
  // A source longer than the working cap × 4 cannot honour the ratio; the cap (A4 at 600 dpi)
  // is then the floor, which still holds more detail than any legible page needs.
  return Math.min(floor, workingLongSide)
}
