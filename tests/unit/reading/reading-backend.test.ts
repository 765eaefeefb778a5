import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createBackend, type Backend } from '../../../electron/services/backend'
import type { DocumentReading } from '../../../shared/reading/document-reading'
import { refusalOf } from '../../helpers/app-error'
import { makeScanSamples, SCAN_SAMPLES_TODAY, type ScanSample } from '../../helpers/scan-samples'
import { tempDir } from '../../helpers/temp'

/**
 * Reading after import, through the backend's handlers (issue 12): real OCR in the OCR worker,
 * a real SQLite library in a temp folder. Two scans: a licence onto a company with only its
 * name, a certificate onto a trademark whose number differs.
 */
const OCR_MS = 180_000

async function sample(name: string): Promise<ScanSample> {
  const found = (await makeScanSamples()).find((s) => s.name === name)
  if (!found) throw new Error(`no sample ${name}`)
  return found
}

async function untilRead(backend: Backend, id: string): Promise<DocumentReading> {
  const deadline = Date.now() + OCR_MS
  for (;;) {
    const reading = await backend.handlers['reading.document']({ id })
    if (reading.state === 'done' || reading.state === 'failed') return reading
    if (Date.now() > deadline) throw new Error(`still ${reading.state}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('reading scans after import', () => {
  const temp = tempDir()
  let backend: Backend
  let companyId: string
  let licenceDocument: string
  let licence: ScanSample
  beforeAll(async () => {
    backend = createBackend({
      dataDir: temp.dir,
      today: () => SCAN_SAMPLES_TODAY,
      readScans: true,
    })
    licence = await sample('licence-colour')
    const company = await backend.handlers['companies.save']({
      name: licence.fields.name ?? '',
      region: 'domestic',
    })
    companyId = company.id
    const doc = await backend.handlers['documents.import']({
      ownerKind: 'company',
      ownerId: companyId,
      requirement: 'business_licence',
      fileName: '营业执照.jpg',
      dataBase64: licence.bytes.toString('base64'),
    })
    licenceDocument = doc.id
  }, OCR_MS)
  afterAll(() => {
    backend.close()
    temp.cleanup()
  })

  it(
    'reads the licence in the background and offers only the empty fields',
    async () => {
      const reading = await untilRead(backend, licenceDocument)
      expect(reading.kind).toBe('business_licence')
      const byName = Object.fromEntries(reading.fields.map((f) => [f.name, f]))
      expect(byName.uscc).toMatchObject({ value: licence.fields.uscc, status: 'empty' })
      expect(byName.name).toMatchObject({ status: 'same' })
      expect(byName.businessScope).toMatchObject({ status: 'empty' })
      expect(byName.uscc?.confidence).toBeGreaterThan(0.8)
      const [listed] = await backend.handlers['documents.list']({
        ownerKind: 'company',
        ownerId: companyId,
      })
      expect(listed?.reading).toEqual({ state: 'done', kind: 'business_licence' })
    },
    OCR_MS,
  )

  it('fills the chosen empty fields, and never overwrites one that has a value', async () => {
    const { filled, reading } = await backend.handlers['reading.fill']({
      id: licenceDocument,
      fields: ['uscc', 'businessScope'],
    })
    expect(filled).toEqual(['uscc', 'businessScope'])
    const company = (await backend.handlers['companies.list']({})).find((c) => c.id === companyId)
    expect(company?.uscc).toBe(licence.fields.uscc)
    // Kept with the Chinese punctuation the licence prints (reads compare NFKC, half-width).
    expect(company?.businessScope).toBe(
      '一般项目：广告设计、代理；广告制作；广告发布；企业形象策划；会议服务。',
    )
    expect(company?.businessScope.normalize('NFKC')).toBe(licence.fields.businessScope)
    expect(reading.fields.find((f) => f.name === 'uscc')?.status).toBe('same')
    const refusal = await refusalOf(
      backend.handlers['reading.fill']({ id: licenceDocument, fields: ['uscc'] }),
    )
    expect(refusal.code).toBe('CONFLICT')
    expect(refusal.message).toMatch(/不会覆盖/)
  })

  it('puts the read text in the search index: a term only the scan has finds the document and its record', async () => {
    const hits = await backend.handlers['library.search']({ query: '监督管理' })
    expect(hits).toContainEqual(
      expect.objectContaining({
        kind: 'document',
        id: licenceDocument,
        owner: { kind: 'company', id: companyId },
      }),
    )
  })

  it(
    'gives the rules what a certificate says, and shows where its number differs',
    async () => {
      const certificate = await sample('certificate')
      const recorded = `${certificate.fields.regNo?.slice(0, -1) ?? ''}9`
      const trademark = await backend.handlers['trademarks.save']({
        regNo: recorded,
        text: '星河',
        class: 35,
        registrant: { kind: 'company', id: companyId },
        status: 'registered',
        validUntil: '2028-06-06',
      })
      const doc = await backend.handlers['documents.import']({
        ownerKind: 'trademark',
        ownerId: trademark.id,
        requirement: 'trademark_certificate',
        fileName: '注册证.png',
        dataBase64: certificate.bytes.toString('base64'),
      })
      const reading = await untilRead(backend, doc.id)
      expect(reading.kind).toBe('trademark_certificate')
      expect(reading.fields.find((f) => f.name === 'regNo')).toMatchObject({
        value: certificate.fields.regNo,
        current: recorded,
        status: 'differs',
      })
      const sha = doc.file?.sha256 ?? ''
      expect(backend.context.reads?.(sha)).toMatchObject({
        kind: 'trademark_certificate',
        fields: { regNo: certificate.fields.regNo },
      })
      const crop = await backend.handlers['reading.crop']({ id: doc.id, field: 'regNo' })
      expect(crop.dataUrl).toMatch(/^data:image\/png;base64,/)
      // The cache lives under cache/, never inside files/ (which holds only originals).
      expect(existsSync(join(temp.dir, 'cache', 'read', `${sha}.json`))).toBe(true)
      expect(existsSync(join(temp.dir, 'cache', 'read', `${sha}.regNo.png`))).toBe(true)
      expect(existsSync(join(temp.dir, 'files', 'read'))).toBe(false)

      // Purged with its file: the read (personal data on an ID scan) goes too.
      await backend.handlers['library.delete']({ kind: 'document', id: doc.id })
      await backend.handlers['recycle.purge']({ kind: 'document', id: doc.id })
      expect(existsSync(join(temp.dir, 'cache', 'read', `${sha}.json`))).toBe(false)
      expect(existsSync(join(temp.dir, 'cache', 'read', `${sha}.regNo.png`))).toBe(false)
    },
    OCR_MS,
  )
})

describe('cancelling a reading', () => {
  it(
    'a document deleted while its scan is read stops it: the OCR worker is stopped, nothing is kept',
    async () => {
      const temp = tempDir()
      const backend = createBackend({
        dataDir: temp.dir,
        today: () => SCAN_SAMPLES_TODAY,
        readScans: true,
      })
      try {
        const company = await backend.handlers['companies.save']({
          name: '某公司',
          region: 'domestic',
        })
        const docs = []
        for (const name of ['licence-grey-noise', 'licence-skewed-jpeg40']) {
          const scan = await sample(name)
          docs.push(
            await backend.handlers['documents.import']({
              ownerKind: 'company',
              ownerId: company.id,
              requirement: 'business_licence',
              fileName: `${name}.jpg`,
              dataBase64: scan.bytes.toString('base64'),
            }),
          )
        }
        const [first, second] = docs
        if (!first || !second) throw new Error('imports failed')
        expect(await backend.handlers['reading.status']({})).toMatchObject({ queued: 1 })
        await vi.waitFor(
          async () =>
            expect((await backend.handlers['reading.document']({ id: first.id })).state).toBe(
              'reading',
            ),
          { timeout: 30_000, interval: 100 },
        )
        // The queued one first, then the one being read.
        await backend.handlers['library.delete']({ kind: 'document', id: second.id })
        expect(await backend.handlers['reading.status']({})).toMatchObject({ queued: 0 })
        await backend.handlers['library.delete']({ kind: 'document', id: first.id })
        await vi.waitFor(
          async () =>
            expect(await backend.handlers['reading.status']({})).toMatchObject({
              queued: 0,
              current: null,
            }),
          { timeout: 30_000, interval: 100 },
        )
        expect(existsSync(join(temp.dir, 'cache', 'read'))).toBe(false)
      } finally {
        backend.close()
        temp.cleanup()
      }
    },
    OCR_MS,
  )
})

describe('reading a library imported before reading existed', () => {
  it(
    'reading.startAll queues every scan not read yet; reading.cancel stops them all',
    async () => {
      const temp = tempDir()
      const before = createBackend({ dataDir: temp.dir, today: () => SCAN_SAMPLES_TODAY })
      const company = await before.handlers['companies.save']({
        name: '某公司',
        region: 'domestic',
      })
      for (const name of ['licence-grey-noise', 'licence-skewed-jpeg40', 'certificate']) {
        await before.handlers['documents.import']({
          ownerKind: 'company',
          ownerId: company.id,
          requirement: 'business_licence',
          fileName: `${name}.jpg`,
          dataBase64: (await sample(name)).bytes.toString('base64'),
        })
      }
      before.close()
      const backend = createBackend({
        dataDir: temp.dir,
        today: () => SCAN_SAMPLES_TODAY,
        readScans: true,
      })
      try {
        const started = await backend.handlers['reading.startAll']({})
        // Three files: one being read, two waiting (or all three waiting for the worker).
        expect(started.queued + (started.current ? 1 : 0)).toBe(3)
        const again = await backend.handlers['reading.startAll']({})
        expect(again.queued + (again.current ? 1 : 0)).toBe(3)
        await backend.handlers['reading.cancel']({})
        await vi.waitFor(
          async () =>
            expect(await backend.handlers['reading.status']({})).toMatchObject({
              queued: 0,
              current: null,
            }),
          { timeout: 30_000, interval: 100 },
        )
        expect(existsSync(join(temp.dir, 'cache', 'read'))).toBe(false)
      } finally {
        backend.close()
        temp.cleanup()
      }
    },
    OCR_MS,
  )
})

describe('a backend that does not read scans (CLI verbs, tests)', () => {
  it('imports as before and starts no reading', async () => {
    const temp = tempDir()
    const backend = createBackend({ dataDir: temp.dir, today: () => SCAN_SAMPLES_TODAY })
    try {
      const licence = await sample('licence-colour')
      const company = await backend.handlers['companies.save']({
        name: '某公司',
        region: 'domestic',
      })
      const doc = await backend.handlers['documents.import']({
        ownerKind: 'company',
        ownerId: company.id,
        requirement: 'business_licence',
        fileName: 'a.jpg',
        dataBase64: licence.bytes.toString('base64'),
      })
      expect(doc.reading).toEqual({ state: 'off' })
      expect(await backend.handlers['reading.start']({ id: doc.id })).toMatchObject({
        state: 'off',
      })
      expect(await backend.handlers['reading.status']({})).toEqual({
        enabled: false,
        queued: 0,
        current: null,
      })
      expect(existsSync(join(temp.dir, 'cache', 'read'))).toBe(false)
    } finally {
      backend.close()
      temp.cleanup()
    }
  })
})
