export { generateLetter, type GenerateLetterOptions } from './generate'
export { letterDataSchema, type LetterData, type LetterDataInput } from './data'
export { listTemplates, type TemplateSummary } from './templates'
export { fontFile } from './font'
