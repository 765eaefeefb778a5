import { generateLetter } from '../electron/services/letters'
import { timeMsAsync, type Metrics } from './stats'

/** 100 person-to-company letters with different names and marks. */
export async function benchLetters(
  count = Number(process.env.BENCH_LETTERS ?? 100),
): Promise<Metrics> {
  let bytes = 0
  await generateLetter('person-to-company', letterData(0)) // warm up (font load)
  const ms = await timeMsAsync(async () => {
    for (let i = 0; i < count; i++) {
      bytes += (await generateLetter('person-to-company', letterData(i))).length
    }
  })
  return {
    'letters.count': count,
    'letters.per_s': count / (ms / 1000),
    'letters.total_kb': bytes / 1024,
    'letters.avg_kb': bytes / 1024 / count,
  }
}

function letterData(i: number) {
  return {
    grantor: {
      kind: 'person',
      name: `张伟${i}`,
      idDocument: { type: 'resident_id', number: '11010519491231002X' },
    },
    grantee: { name: '上海青禾文化传媒有限公司', uscc: '91310000MA1FL0000N' },
    trademarks: [{ text: `青禾${i}`, regNo: String(45678900 + i), class: 35 }],
    validFrom: '2026-11-28',
    validUntil: '2027-11-27',
    date: '2026-11-28',
  }
}
