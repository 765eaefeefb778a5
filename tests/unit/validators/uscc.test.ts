import { describe, expect, it } from 'vitest'
import { usccCheckChar, validateUscc } from '../../../shared/validators/uscc'

describe('USCC (GB 32100-2015)', () => {
  it.each([
    ['91310000MA1FL0000N', true, null],
    ['91310000ma1fl0000n', true, null],
    ['9131 0000 MA1F L000 0N', true, null],
    ['91310000MA1FL0000A', false, '校验位'],
    ['91310000MA1FL0000', false, '18 位'],
    ['91310000MA1FLOOOON', false, '不允许的字符'], // letter O is not in the character set
    ['9131ABCDMA1FL0000N', false, '行政区划码'],
  ])('%s → valid %s', (input, valid, reason) => {
    const result = validateUscc(input)
    expect(result.valid).toBe(valid)
    if (reason) expect(result.reason).toContain(reason)
  })

  it('computes the check character', () => {
    expect(usccCheckChar('91310000MA1FL0000')).toBe('N')
    expect(usccCheckChar('9131000OMA1FL0000')).toBeNull()
  })
})
