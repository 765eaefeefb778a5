export { generateLetter } from './generate'
export { type LetterDataInput } from './data'
export { listTemplates } from './templates'
