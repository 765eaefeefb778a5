const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u

/** Numbers longer than this (never a USCC, registration or ID number) get no suffixes. */
const MAX_NUMBER_LENGTH = 40

/**
 * A word holding a digit (a USCC, a registration number) is also indexed by each of its
 * suffixes of two or more characters: a query word matches as a prefix, so any part of a number
 * — the middle of a USCC — finds it (issue 13 item 14). Plain words get none.
 */
function numberSuffixes(word: string): string[] {
  if (!/\d/.test(word) || word.length > MAX_NUMBER_LENGTH) return []
  const chars = Array.from(word)
  const out: string[] = []
  for (let i = 1; i + 2 <= chars.length; i++) out.push(chars.slice(i).join(''))
  return out
}

/** The search tokens scheme: bump when the tokens change, so existing indexes are rebuilt. */
export const SEARCH_TOKENS_SCHEME = 2

/**
 * Search tokens of a text, the same for both engines (SQLite FTS5, PostgreSQL tsvector): CJK
 * runs become single characters plus overlapping bigrams (so "青禾文化" is found by "禾文");
 * other text stays as lower-case words, a word with a digit also as its suffixes (numberSuffixes).
 */
export function searchTokens(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase()
  const tokens: string[] = []
  const runs = normalized.match(/[\p{L}\p{N}]+/gu) ?? []
  for (const run of runs) {
    let ascii = ''
    let cjk: string[] = []
    const pushWord = (word: string) => {
      tokens.push(word, ...numberSuffixes(word))
    }
    const flush = () => {
      if (ascii) pushWord(ascii)
      ascii = ''
      cjk.forEach((c, i) => {
        tokens.push(c)
        const next = cjk[i + 1]
        if (next !== undefined) tokens.push(c + next)
      })
      cjk = []
    }
    for (const ch of run) {
      if (CJK.test(ch)) {
        if (ascii) {
          pushWord(ascii)
          ascii = ''
        }
        cjk.push(ch)
      } else {
        if (cjk.length > 0) {
          const pending = ascii
          ascii = ''
          flush()
          ascii = pending
        }
        ascii += ch
      }
    }
    flush()
  }
  return tokens
}

/**
 * An index entry's stored tokens brought to this scheme (SQLite migration 0014, the team
 * library's rebuild after its migration 0007): the words holding a digit gain their suffixes.
 * The tokens are what was indexed, so the source texts need not be read again (a scan's read
 * text lives only in a machine's read cache).
 */
export function retokenize(tokens: string[]): string[] {
  return [...new Set(tokens.filter(Boolean).flatMap((t) => (CJK.test(t) ? [t] : searchTokens(t))))]
}

/** One term of a search, all ANDed: a CJK character or bigram, or a word matched as a prefix. */
export interface QueryTerm {
  term: string
  prefix: boolean
}

/** A search's terms: every bigram of CJK runs (a lone character alone), other words as prefixes. */
export function queryTerms(query: string): QueryTerm[] {
  const normalized = query.normalize('NFKC').toLowerCase()
  const terms: QueryTerm[] = []
  for (const run of normalized.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run)
    let i = 0
    while (i < chars.length) {
      const ch = chars[i] ?? ''
      if (CJK.test(ch)) {
        let j = i
        while (j < chars.length && CJK.test(chars[j] ?? '')) j++
        const cjk = chars.slice(i, j)
        if (cjk.length === 1) terms.push({ term: ch, prefix: false })
        for (let k = 0; k + 1 < cjk.length; k++) {
          terms.push({ term: `${cjk[k] ?? ''}${cjk[k + 1] ?? ''}`, prefix: false })
        }
        i = j
      } else {
        let j = i
        while (j < chars.length && !CJK.test(chars[j] ?? '')) j++
        terms.push({ term: chars.slice(i, j).join(''), prefix: true })
        i = j
      }
    }
  }
  return terms
}
