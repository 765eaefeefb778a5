/**
 * Every reading of the source that RULES.md marks as an interpretation, in one
 * place. Change a reading here and every rule follows.
 */

/** "1M" read as 1,000,000 bytes, the strictest reading (RULES.md §1, R1, R2). */
export const MAX_UPLOAD_BYTES = 1_000_000

/** R1: the recommended avatar size; anything else square is a warning only. */
export const AVATAR_RECOMMENDED_PX = 800

/** R6: an application must be this many full months old (民法典 arts. 201–202). */
export const APPLICATION_MIN_AGE_MONTHS = 3

/** R5: warn when a registration expires within this many days of the as-of date. */
export const EXPIRY_WARNING_DAYS = 90

/**
 * R10: levels of general agency accepted, counted from the registrant on the
 * certificate. One level: registrant → G is fine, registrant → G → H is not.
 * (ruleR10ForeignCompany looks one agent deep: a value above 1 would accept a
 * second level; deeper chains are not followed. A relation declared directly
 * between the registrant and the applicant takes precedence over any path
 * through an agent.)
 */
export const MAX_GENERAL_AGENCY_LEVELS = 1

/** File formats the export can turn into an accepted upload (R1, R2). */
export const CONVERTIBLE_FORMATS = ['png', 'webp', 'tiff', 'gif', 'bmp', 'pdf'] as const
/** R2: formats the platform accepts as they are (other slots). */
export const ACCEPTED_OTHER_FORMATS = ['jpeg', 'png'] as const
