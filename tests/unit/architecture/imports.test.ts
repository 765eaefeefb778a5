import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../helpers/cli'

/** Every project source file (electron/, renderer/, shared/), with its relative imports resolved. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** Imports, re-exports and `import type` alike: a type-only circle is still a circle. */
function importGraph(): Map<string, string[]> {
  const files = ['electron', 'renderer', 'shared'].flatMap((d) =>
    sourceFiles(join(PROJECT_ROOT, d)),
  )
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = info.importedFiles
      .map((f) => resolveImport(file, f.fileName))
      .filter((t): t is string => t !== null)
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const indices = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const out: string[][] = []
  const visit = (v: string) => {
    indices.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, indices.get(w) ?? 0))
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = []
      let w: string | undefined
      do {
        w = stack.pop()
        if (w === undefined) break
        onStack.delete(w)
        component.push(w)
      } while (w !== v)
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component)
    }
  }
  for (const v of graph.keys()) if (!indices.has(v)) visit(v)
  return out.map((c) => c.map((f) => relative(PROJECT_ROOT, f)).sort())
}

describe('the project’s layering', () => {
  const graph = importGraph()

  it('has no import circles among its own modules (type-only imports included)', () => {
    // The graph is real: every source file, and the edges its imports make.
    expect(graph.size).toBeGreaterThan(150)
    expect([...graph.values()].flat().length).toBeGreaterThan(500)
    expect(circles(graph)).toEqual([])
  })

  it('detects a circle when there is one (the check itself can fail)', () => {
    const probe = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ])
    expect(circles(probe)).toEqual([['a', 'b', 'c']])
  })

  it('no service imports backend.ts: services take a context, not the backend', () => {
    const backend = join(PROJECT_ROOT, 'electron', 'services', 'backend.ts')
    const importers = [...graph]
      .filter(
        ([file, targets]) =>
          file.includes(`${join('electron', 'services')}/`) && targets.includes(backend),
      )
      .map(([file]) => relative(PROJECT_ROOT, file))
    expect(importers).toEqual([])
  })

  it('the renderer never imports electron/ code', () => {
    const offenders = [...graph]
      .filter(([file]) => file.includes(`${join(PROJECT_ROOT, 'renderer')}/`))
      .flatMap(([file, targets]) =>
        targets
          .filter((t) => t.includes(`${join(PROJECT_ROOT, 'electron')}/`))
          .map((t) => `${relative(PROJECT_ROOT, file)} → ${relative(PROJECT_ROOT, t)}`),
      )
    expect(offenders).toEqual([])
  })
})
