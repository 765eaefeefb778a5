/**
 * ID and passport numbers in lists: keep the first and last four characters of
 * long numbers (`1101**********002X`), less of short ones.
 */
export function maskIdNumber(number: string): string {
  if (number.length >= 12)
    return `${number.slice(0, 4)}${'*'.repeat(number.length - 8)}${number.slice(-4)}`
  if (number.length >= 6)
    return `${number.slice(0, 1)}${'*'.repeat(number.length - 3)}${number.slice(-2)}`
  return '*'.repeat(number.length)
}
