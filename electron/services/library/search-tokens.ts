const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u

/**
 * Search tokens of a text, the same for both engines (SQLite FTS5, PostgreSQL tsvector): CJK
 * runs become single characters plus overlapping bigrams (so "青禾文化" is found by "禾文");
 * other text stays as lower-case words.
 */
export function searchTokens(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase()
  const tokens: string[] = []
  const runs = normalized.match(/[\p{L}\p{N}]+/gu) ?? []
  for (const run of runs) {
    let ascii = ''
    let cjk: string[] = []
    const flush = () => {
      if (ascii) tokens.push(ascii)
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
          tokens.push(ascii)
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
