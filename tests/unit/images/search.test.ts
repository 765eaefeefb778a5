import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  highestQuality,
  largestSide,
  planJpeg,
  sideLadder,
  type Estimate,
  type SearchBounds,
} from '../../../electron/services/images/search'

/** A JPEG-like size model: bytes ∝ pixels, growing exponentially with quality. */
function model(bytesPerPixelAt75: number): { estimate: Estimate; probes: () => number } {
  let count = 0
  const estimate: Estimate = (side, quality) => {
    count++
    const pixels = side * Math.round(side * 0.75)
    return Promise.resolve(pixels * bytesPerPixelAt75 * Math.exp((quality - 75) / 14))
  }
  return { estimate, probes: () => count }
}

const bounds: SearchBounds = {
  fullSide: 4000,
  floorSide: 1600,
  minQuality: 60,
  maxQuality: 92,
}
const BUDGET = 1_000_000

async function fitsAt(estimate: Estimate, side: number, quality: number): Promise<boolean> {
  return (await estimate(side, quality)) <= BUDGET
}

describe('planJpeg: the order of preference', () => {
  it('keeps full size and picks the highest quality that fits', async () => {
    const { estimate, probes } = model(0.07)
    const plan = await planJpeg(bounds, BUDGET, estimate)
    expect(plan?.side).toBe(4000)
    expect(await fitsAt(estimate, 4000, plan?.quality ?? 0)).toBe(true)
    expect(await fitsAt(estimate, 4000, (plan?.quality ?? 0) + 1)).toBe(false)
    expect(probes()).toBeLessThan(12)
  })

  it('prefers full size at a low quality to a smaller picture', async () => {
    const { estimate } = model(0.2)
    const plan = await planJpeg(bounds, BUDGET, estimate)
    expect(plan?.side).toBe(4000)
    expect(plan?.quality).toBeLessThan(75)
    expect(plan?.quality).toBeGreaterThanOrEqual(60)
  })

  it('returns full size at the top quality when that fits', async () => {
    const { estimate } = model(0.01)
    expect(await planJpeg(bounds, BUDGET, estimate)).toEqual({ side: 4000, quality: 92 })
  })

  it('shrinks down the ladder only when the minimum quality does not fit at full size', async () => {
    const { estimate, probes } = model(0.4)
    const plan = await planJpeg(bounds, BUDGET, estimate)
    if (!plan) throw new Error('expected a plan')
    expect(plan.side).toBeLessThan(4000)
    expect(plan.side).toBeGreaterThan(1600)
    expect(plan.quality).toBeGreaterThanOrEqual(60)
    expect(await fitsAt(estimate, plan.side, plan.quality)).toBe(true)
    expect(await fitsAt(estimate, plan.side, plan.quality + 1)).toBe(false)
    // The next rung up does not fit even at the minimum quality: no larger size was possible.
    const ladder = [4000, ...sideLadder(4000, 1600)]
    const larger = ladder[ladder.indexOf(plan.side) - 1] ?? 4000
    expect(await fitsAt(estimate, larger, 60)).toBe(false)
    expect(probes()).toBeLessThan(20)
  })

  it('ends at the floor when only the floor fits', async () => {
    const { estimate } = model(1.45)
    const plan = await planJpeg(bounds, BUDGET, estimate)
    expect(plan?.side).toBe(1600)
    expect(plan?.quality).toBeGreaterThanOrEqual(60)
  })

  it('refuses (null) when the floor does not fit at the minimum quality, after few probes', async () => {
    const { estimate, probes } = model(2)
    expect(await planJpeg(bounds, BUDGET, estimate)).toBeNull()
    // Full size at the floor quality (with its concurrent anchor), then the floor size.
    expect(probes()).toBeLessThanOrEqual(3)
  })

  it('never shrinks a picture already at the floor', async () => {
    const small = { ...bounds, fullSide: 1200, floorSide: 1200 }
    expect((await planJpeg(small, BUDGET, model(0.8).estimate))?.side).toBe(1200)
    expect(await planJpeg(small, BUDGET, model(5).estimate)).toBeNull()
  })
})

/** Any strictly increasing sizes for qualities 60..92. */
const increasingSizes = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 33, maxLength: 33 }),
    fc.integer({ min: 0, max: 2_000_000 }),
  )
  .map(([steps, start]) => {
    const sizes: number[] = []
    let bytes = start
    for (const step of steps) sizes.push((bytes += step))
    return sizes
  })

const estimateFrom =
  (sizes: number[]): Estimate =>
  (_side, quality) =>
    Promise.resolve(sizes[quality - 60] ?? Infinity)

describe('the searches agree with brute force', () => {
  it('highestQuality finds the last fitting quality of any increasing size curve', async () => {
    await fc.assert(
      fc.asyncProperty(increasingSizes, async (sizes) => {
        const fitting = sizes.map((b, i) => (b <= BUDGET ? i + 60 : -1)).filter((q) => q >= 0)
        const ok = fitting[0]
        if (ok === undefined) return
        const found = await highestQuality(1000, ok, 92, BUDGET, estimateFrom(sizes))
        expect(found).toBe(fitting[fitting.length - 1])
      }),
      { numRuns: 200 },
    )
  })

  it('highestQuality settles in two rounds (four probes) on a libjpeg-like size curve', async () => {
    // Bytes as scans follow them: a power of the table scale libjpeg derives from the quality.
    const scale = (q: number): number => (q < 50 ? 5000 / q : 200 - 2 * q)
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.45, max: 0.65, noNaN: true }),
        fc.double({ min: 0.5, max: 0.98, noNaN: true }),
        async (k, floorShare) => {
          const atFloor = BUDGET * floorShare
          let probes = 0
          const estimate: Estimate = (_side, q) => {
            probes++
            return Promise.resolve(atFloor * Math.pow(scale(20) / scale(q), k))
          }
          const found = await highestQuality(1000, 20, 95, BUDGET, estimate)
          expect(await estimate(1000, found)).toBeLessThanOrEqual(BUDGET)
          expect(await estimate(1000, found + 1)).toBeGreaterThan(BUDGET)
          expect(probes - 2).toBeLessThanOrEqual(4)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('one probe at a time finds the same quality as pairs, on any increasing size curve', async () => {
    await fc.assert(
      fc.asyncProperty(increasingSizes, async (sizes) => {
        const estimate = estimateFrom(sizes)
        const plan = await planJpeg(bounds, BUDGET, estimate, { oneAtATime: true })
        expect(plan?.quality).toBe((await planJpeg(bounds, BUDGET, estimate))?.quality)
      }),
      { numRuns: 200 },
    )
  })

  it('one probe at a time spends fewer probes than pairs on scan-like size curves', async () => {
    // Slopes as measured on the bench's scans (0.538–0.55 per unit of fineness), the floor's bytes
    // from 40 % of the budget (answer near q50) to 98 % (answer at the floor).
    const scale = (q: number): number => (q < 50 ? 5000 / q : 200 - 2 * q)
    const counts: number[] = []
    for (const k of [0.53, 0.54, 0.55, 0.56]) {
      for (let floorShare = 0.4; floorShare < 0.985; floorShare += 0.02) {
        const probed = new Set<number>()
        const estimate: Estimate = (_side, q) => {
          probed.add(q)
          return Promise.resolve(BUDGET * floorShare * Math.pow(scale(20) / scale(q), k))
        }
        const scanBounds = { ...bounds, minQuality: 20 }
        const plan = await planJpeg(scanBounds, BUDGET, estimate, { oneAtATime: true })
        const quality = plan?.quality ?? 0
        expect(await estimate(4000, quality)).toBeLessThanOrEqual(BUDGET)
        expect(await estimate(4000, quality + 1)).toBeGreaterThan(BUDGET)
        counts.push(probed.size - 2) // the two checks above probed too
      }
    }
    // Pairs always take four (two rounds of two).
    expect(Math.max(...counts)).toBeLessThanOrEqual(4)
    expect(counts.reduce((a, b) => a + b, 0) / counts.length).toBeLessThan(3.4)
  })

  it('one probe at a time: a picture that fits at the top quality costs two probes', async () => {
    const probed = new Set<number>()
    const { estimate } = model(0.01)
    const counted: Estimate = (side, quality) => {
      probed.add(quality)
      return estimate(side, quality)
    }
    const plan = await planJpeg(bounds, BUDGET, counted, { oneAtATime: true })
    expect(plan).toEqual({ side: 4000, quality: 92 })
    // The floor and the top (the app's estimator caches, so a repeated probe costs nothing).
    expect([...probed]).toEqual([60, 92])
  })

  it('largestSide finds the largest rung that fits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 0.04, max: 0.38, noNaN: true }),
        fc.double({ min: 1.6, max: 2.4, noNaN: true }),
        async (scale, k) => {
          const estimate: Estimate = (side) => Promise.resolve(scale * Math.pow(side, k) * 40)
          const rungs = sideLadder(4000, 1600)
          if ((await estimate(1600, 75)) > BUDGET || (await estimate(4000, 75)) <= BUDGET) return
          const side = await largestSide(1600, 4000, 75, BUDGET, estimate)
          const fitting = []
          for (const rung of rungs) if ((await estimate(rung, 75)) <= BUDGET) fitting.push(rung)
          expect(side).toBe(fitting[0])
        },
      ),
      { numRuns: 200 },
    )
  })

  it('sideLadder descends in ~6 % steps and ends exactly at the floor', () => {
    const ladder = sideLadder(4000, 1600)
    expect(ladder[0]).toBe(3760)
    expect(ladder[ladder.length - 1]).toBe(1600)
    for (let i = 1; i < ladder.length; i++) {
      expect(ladder[i]).toBeLessThan(ladder[i - 1] ?? 0)
    }
    expect(sideLadder(1700, 1600)).toEqual([1600])
  })
})
