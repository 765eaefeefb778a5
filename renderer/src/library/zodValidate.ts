import { schemaResolver, type FormErrors } from '@mantine/form'
import type { z } from 'zod'

/**
 * A `useForm` validator from a contract input schema. The form keeps what its inputs hold
 * (strings, "kind:id" selections); `toInput` turns that into the method's input, so the form
 * checks exactly what the backend will parse. An issue is shown on the field named by the
 * first segment of its path ("registrant.id" → "registrant"), the first issue per field.
 */
export function zodValidate<Values>(
  schema: z.ZodType,
  toInput: (values: Values) => unknown,
): (values: Values) => FormErrors {
  const resolve = schemaResolver(schema, { sync: true })
  return (values) => {
    const errors: FormErrors = {}
    for (const [path, message] of Object.entries(resolve(toInput(values)))) {
      const field = path.split('.')[0] ?? path
      errors[field] ??= message
    }
    return errors
  }
}
