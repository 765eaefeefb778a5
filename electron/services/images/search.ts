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
 * How probes are spent. In pairs (the default) each round probes two candidates at once, two libuv
 * tasks on two cores: fewer rounds, so less time when the cores would otherwise idle (one picture
 * compressed alone). One at a time takes fewer probes in all (~3 instead of 4 on scans): better
 * when every core already has a picture of its own (an export of several pages), where a pair
 * only splits CPU that is in use.
 */
export interface SearchOptions {
  oneAtATime?: boolean
}

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
  options: SearchOptions = {},
): Promise<Candidate | null> {
  const { fullSide, floorSide, minQuality, maxQuality } = bounds
  const fits = async (side: number, quality: number): Promise<boolean> =>
    (await estimate(side, quality)) <= budget
  const best = async (side: number): Promise<Candidate> => ({
    side,
    quality: await highestQuality(side, minQuality, maxQuality, budget, estimate, options),
  })

  // In pairs, the anchor of highestQuality's first round is probed alongside the floor (cached).
  const [floorBytes] = await Promise.all([
    estimate(fullSide, minQuality),
    options.oneAtATime ? 0 : estimate(fullSide, Math.min(maxQuality, minQuality + ANCHOR_STEP)),
  ])
  if (floorBytes <= budget) return best(fullSide)
  if (floorSide >= fullSide || !(await fits(floorSide, minQuality))) return null
  return best(await largestSide(floorSide, fullSide, minQuality, budget, estimate))
}

/**
 * libjpeg's table scale for a quality (jpeg_quality_scaling, per cent of the Annex K tables).
 * Bytes follow the tables' coarseness, not the quality number: log(bytes) is close to linear in
 * log(scale), while per quality step it grows ~1.6× as fast at q20 as at q32 (measured on the
 * bench's scans), so a secant on the quality number overshot by one step on most of them.
 */
function tableScale(quality: number): number {
  return quality < 50 ? 5000 / quality : 200 - 2 * quality
}

/** How fine the tables are, on a log scale: equal steps here add about equal log(bytes). */
function fineness(quality: number): number {
  return -Math.log(Math.max(1, tableScale(quality)))
}

/** The (fractional) quality at a fineness: the inverse of `fineness`. */
function qualityAt(fine: number): number {
  const scale = Math.exp(-fine)
  return scale > 100 ? 5000 / scale : (200 - scale) / 2
}

/**
 * Typical growth of log(bytes) per unit of fineness on scans (0.538–0.55 on the bench's pages
 * between q20 and q32): only used when no two probes give the slope.
 */
const LOG_BYTES_PER_FINENESS = 0.54

/** The second probe of the first round, this many steps above the one known to fit. */
const ANCHOR_STEP = 12

/**
 * Highest quality in [ok, top] within budget, given that `ok` fits. Secant search on log(bytes)
 * against fineness, starting from `ok`'s bytes. In pairs, the first round probes `ok` and
 * `ok + ANCHOR_STEP`, which gives this picture's slope, and every later round the secant's guess
 * and a neighbour, so a round that brackets the boundary settles it: two rounds usually do. One at
 * a time, the first guess comes from the typical slope and each probe refines it: usually the
 * answer and the one above it, three probes with `ok`'s. Plain bisection takes over after a few
 * rounds, so an odd picture still ends in O(log n).
 */
export async function highestQuality(
  side: number,
  ok: number,
  top: number,
  budget: number,
  estimate: Estimate,
  options: SearchOptions = {},
): Promise<number> {
  let lo = ok
  let loBytes = 0
  let hi = top + 1 // the first quality known not to fit; top + 1 stands for "not probed"
  let hiBytes = Number.NaN
  let slope = LOG_BYTES_PER_FINENESS
  let last: { quality: number; bytes: number } | undefined
  const slopeBetween = (q0: number, b0: number, q1: number, b1: number): number | undefined => {
    const run = fineness(q1) - fineness(q0)
    return b1 > b0 && run > 0 ? Math.log(b1 / b0) / run : undefined
  }
  // The slope between each probe and the one before it, and between the bounds once both are
  // known and apart: the closest secant to the boundary.
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
      if (last && Number.isFinite(bytes)) {
        const [a, b] =
          last.quality < quality ? [last, { quality, bytes }] : [{ quality, bytes }, last]
        slope = slopeBetween(a.quality, a.bytes, b.quality, b.bytes) ?? slope
      }
      last = { quality, bytes }
    }
    if (Number.isFinite(hiBytes) && hi - lo > 1) {
      slope = slopeBetween(lo, loBytes, hi, hiBytes) ?? slope
    }
  }
  const probe = async (qualities: number[]): Promise<void> =>
    learn(qualities, await Promise.all(qualities.map((quality) => estimate(side, quality))))

  await probe(options.oneAtATime ? [ok] : [...new Set([ok, Math.min(top, ok + ANCHOR_STEP)])])
  const guided = options.oneAtATime ? 6 : 4
  for (let round = 0; hi - lo > 1; round++) {
    const secant = Math.floor(qualityAt(fineness(lo) + Math.log(budget / loBytes) / slope))
    const guess = round < guided ? Math.min(hi - 1, Math.max(lo + 1, secant)) : (lo + hi) >> 1
    if (options.oneAtATime) {
      await probe([guess])
      continue
    }
    // The guess and the neighbour on its open side: when the one above is already known not to
    // fit, the one below, so the round still brackets the boundary when the secant overshot.
    await probe(guess + 1 < hi ? [guess, guess + 1] : guess - 1 > lo ? [guess - 1, guess] : [guess])
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
