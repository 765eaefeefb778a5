import { z } from '../../../shared/zod-locale'
import { AppError } from '../../../shared/errors'
import { isIsoDate } from '../../../shared/dates'
import { ID_DOCUMENT_TYPES } from '../../../shared/validators'

const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期无效：应为真实存在的日期，格式 YYYY-MM-DD' })

/** Printed names: one line of text, whatever spaces or line breaks were pasted in. */
const printedText = (max: number) =>
  z
    .string()
    .transform((value) => value.normalize('NFC').replace(/\s+/gu, ' ').trim())
    .pipe(z.string().min(1, '不能为空').max(max, `不能超过 ${max} 个字符`))

const optionalCode = z
  .string()
  .nullish()
  .transform((value) => value ?? undefined)

/** A trademark class (尼斯分类 1–45), given as a number or a numeric string. */
const trademarkClass = z
  .union([z.number(), z.string().regex(/^\s*\d{1,2}\s*$/, '类别应为 1–45 的数字')])
  .transform(Number)
  .pipe(z.number().int().min(1, '类别应为 1–45').max(45, '类别应为 1–45'))

const personGrantor = z.object({
  kind: z.literal('person'),
  name: printedText(200),
  idDocument: z.object({
    type: z.enum(ID_DOCUMENT_TYPES),
    number: z.string().min(1, '不能为空'),
  }),
})

const companyGrantor = z.object({
  kind: z.literal('company'),
  name: printedText(200),
  uscc: optionalCode,
  region: z.enum(['domestic', 'foreign']),
})

/** What a letter states; templates decide the wording around it. */
const letterDataSchema = z
  .object({
    grantor: z.discriminatedUnion('kind', [personGrantor, companyGrantor]),
    grantee: z.object({ name: printedText(200), uscc: optionalCode }),
    trademarks: z
      .array(
        z.object({
          text: printedText(100),
          regNo: z.string().trim().min(1, '不能为空').max(40, '不能超过 40 个字符'),
          class: trademarkClass,
        }),
      )
      .min(1, '至少需要一个商标')
      .max(100, '一份授权书最多列 100 个商标'),
    validFrom: isoDate,
    validUntil: isoDate,
    date: isoDate,
  })
  .superRefine((data, ctx) => {
    if (data.validUntil < data.validFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['validUntil'],
        message: '授权截止日期不能早于起始日期',
      })
    }
  })

export type LetterData = z.infer<typeof letterDataSchema>
export type LetterDataInput = z.input<typeof letterDataSchema>

/** Parse, or throw INVALID_ARGUMENT naming the first bad field (as dispatch does). */
export function parseLetterData(input: unknown): LetterData {
  const parsed = letterDataSchema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)'
  throw new AppError(
    'INVALID_ARGUMENT',
    `参数无效：字段 ${field}：${issue?.message ?? '格式不正确'}`,
    field,
  )
}
