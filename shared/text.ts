import { z } from './zod-locale'

/** C0 controls other than tab, line feed and carriage return, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u
/** A surrogate half without its partner: not a character, and not valid UTF-8 when stored. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * A string a person typed: refused (naming the field) when it holds control characters such as
 * NUL or lone surrogate halves — they would be stored as garbage or break file names and PDFs.
 */
export function safeText() {
  return z
    .string()
    .refine((value) => !CONTROL.test(value), '不能包含控制字符（如 NUL）')
    .refine((value) => !LONE_SURROGATE.test(value), '包含无效的字符（不成对的代理项）')
}
