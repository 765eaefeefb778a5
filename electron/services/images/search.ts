/**
 * Where the search may go, in long-side pixels and libjpeg qualities; `floorSide`/`minQuality`
 * are the legibility floor (limits.ts).
 */
export interface SearchBounds {
  fullSide: number
  floorSide: number
  minQuality: number
  maxQuality: number
}

export interface Candidate {
  side: number
  quality: number
}

/** Predicted encoded bytes of the picture at this long side and quality. */
export type Estimate = (side: number, quality: number) => Promise<number>

/**
 * The candidate that keeps the most detail within `budget`, or null when even the legibility floor
 * does not fit.
 *
 * 1. Full size, the highest quality in [min, max] that fits (interpolated binary search).
 * 2. If even `minQuality` does not fit at full size: the largest size on a ladder of ~6 % steps
 *    where it does (binary search, guided by bytes ≈ a·side^k), then quality is raised again at
 *    that size.
 * Pixels before quality: on our 12 MP scan fixtures, at equal bytes, full size at q21–32 scored
 * higher SSIM (measured at 2000 px) than any smaller size at a higher quality (3200 px q42–60,
 * 2400 px q72–82), because resampling softens strokes more than quantisation does down to the
 * floor.
 * The floor is probed before any size search, so a hopeless file is refused after two probes.
 */
export async function planJpeg(
  bounds: SearchBounds,
  budget: number,
  estimate: Estimate,
): Promise<Candidate | null> {
  const { fullSide, floorSide, minQuality, maxQuality } = bounds
  const fits = async (side: number, quality: number): Promise<boolean> =>
    (await estimate(side, quality)) <= budget
  const best = async (side: number): Promise<Candidate> => ({
    side,
    quality: await highestQuality(side, minQuality, maxQuality, budget, estimate),
  })

  // The anchor of highestQuality's first round is probed alongside the floor (cached): two cores.
  const [floorBytes] = await Promise.all([
    estimate(fullSide, minQuality),
    estimate(fullSide, Math.min(maxQuality, minQuality + ANCHOR_STEP)),
  ])
  if (floorBytes <= budget) return best(fullSide)
  if (floorSide >= fullSide || !(await fits(floorSide, minQuality))) return null
  return best(await largestSide(floorSide, fullSide, minQuality, budget, estimate))
}

/**
 * Typical growth of log(bytes) per quality step of libjpeg's standard tables between 20 and 70
 * on scans (0.014–0.023 on the bench's pages): only used when no two probes give the slope.
 */
const LOG_BYTES_PER_QUALITY = 0.018

/** The second probe of the first round, this many steps above the one known to fit. */
const ANCHOR_STEP = 12

/**
 * Highest quality in [ok, top] within budget, given that `ok` fits. Secant search on log(bytes):
 * the first round probes `ok` and `ok + ANCHOR_STEP` together, which gives this picture's slope;
 * every later round probes the secant's guess and its upper neighbour together (two libuv
 * tasks, two cores), so a round that brackets the boundary settles it. Two or three rounds
 * usually do; plain bisection takes over after four, so an odd picture still ends in O(log n).
 */
export async function highestQuality(
  side: number,
  ok: number,
  top: number,
  budget: number,
  estimate: Estimate,
): Promise<number> {
  let lo = ok
  let loBytes = 0
  let hi = top + 1 // the first quality known not to fit; top + 1 stands for "not probed"
  let hiBytes = Number.NaN
  let slope = LOG_BYTES_PER_QUALITY
  const learn = (qualities: number[], sizes: number[]): void => {
    for (const [index, quality] of qualities.entries()) {
      const bytes = sizes[index] ?? Number.POSITIVE_INFINITY
      if (bytes <= budget && quality >= lo) {
        lo = quality
        loBytes = bytes
      } else if (bytes > budget && quality < hi) {
        hi = quality
        hiBytes = bytes
      }
    }
    const [q0, q1] = qualities
    const [b0, b1] = sizes
    if (q0 !== undefined && q1 !== undefined && b0 && b1 && b1 > b0 && q1 > q0) {
      slope = Math.log(b1 / b0) / (q1 - q0)
    }
    if (Number.isFinite(hiBytes) && hiBytes > loBytes && hi - lo > 1) {
      slope = Math.log(hiBytes / loBytes) / (hi - lo)
    }
  }
  const first = [ok, Math.min(top, ok + ANCHOR_STEP)].filter((q, i, all) => all.indexOf(q) === i)
  learn(first, await Promise.all(first.map((quality) => estimate(side, quality))))
  for (let round = 0; hi - lo > 1; round++) {
    const guess =
      round < 4
        ? Math.min(hi - 1, Math.max(lo + 1, lo + Math.floor(Math.log(budget / loBytes) / slope)))
        : (lo + hi) >> 1
    const qualities = guess + 1 < hi ? [guess, guess + 1] : [guess]
    learn(qualities, await Promise.all(qualities.map((quality) => estimate(side, quality))))
  }
  return lo
}

/** Ratio between neighbouring sizes the search may pick: ~11 % fewer pixels per step. */
const SIDE_STEP = 0.94

/**
 * Sizes from just below `full` down to `floor`, each SIDE_STEP of the one before. A fixed ladder
 * (instead of sizes interpolated from the budget) means a re-plan after a correction asks the
 * estimator for sizes it has already measured, and steps larger than the sampling noise (±4 %
 * bytes) keep the search from chasing it; quality then fine-tunes the bytes.
 */
export function sideLadder(full: number, floor: number): number[] {
  const rungs: number[] = []
  for (let side = Math.floor(full * SIDE_STEP); side > floor; side = Math.floor(side * SIDE_STEP)) {
    rungs.push(side)
  }
  rungs.push(floor)
  return rungs
}

/**
 * Largest rung of the ladder from `full` to `floor` where `quality` fits, given that `floor` fits
 * and `full` does not. Bytes fall monotonically down the ladder, so this is a binary search,
 * with guesses from the power law bytes ≈ a·side^k (every third step plain halving).
 */
export async function largestSide(
  floor: number,
  full: number,
  quality: number,
  budget: number,
  estimate: Estimate,
): Promise<number> {
  const rungs = sideLadder(full, floor)
  // Index -1 is `full` (does not fit), rungs.length - 1 is `floor` (fits).
  let bad = -1
  let good = rungs.length - 1
  let badBytes = await estimate(full, quality)
  let goodBytes = await estimate(floor, quality)
  const sideAt = (index: number): number => (index < 0 ? full : (rungs[index] ?? floor))
  for (let step = 0; good - bad > 1; step++) {
    const target = logLogInterpolate(sideAt(good), sideAt(bad), goodBytes, badBytes, budget)
    const guess =
      step % 3 < 2 ? nearestRung(rungs, target, bad + 1, good - 1) : Math.floor((bad + good) / 2)
    const bytes = await estimate(sideAt(guess), quality)
    if (bytes <= budget) {
      good = guess
      goodBytes = bytes
    } else {
      bad = guess
      badBytes = bytes
    }
  }
  return sideAt(good)
}

/** Index of the largest rung not above `side`, within [from, to]. */
function nearestRung(rungs: number[], side: number, from: number, to: number): number {
  let index = from
  while (index < to && (rungs[index] ?? 0) > side) index++
  return index
}

/** Side on the power law bytes = a·side^k through the two bounds. */
function logLogInterpolate(
  lo: number,
  hi: number,
  loBytes: number,
  hiBytes: number,
  budget: number,
): number {
  const k = Math.log(hiBytes / loBytes) / Math.log(hi / lo)
  if (!(k > 0) || !Number.isFinite(k)) return Math.round(Math.sqrt(lo * hi))
  return Math.floor(lo * Math.pow(budget / loBytes, 1 / k))
}
