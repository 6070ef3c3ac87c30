/** Format a front-matter date for `lang`: ISO dates and "today" become long dates; other text stays; false hides. */
export function formatDate(value: string | false | Date, lang: string, sourceDateEpoch?: number): string | false {
  if (value === false) return false
  let date: Date | undefined
  // Today without SOURCE_DATE_EPOCH is the writer's local day; fixed dates are calendar days (UTC).
  let timeZone: string | undefined = 'UTC'
  if (value instanceof Date) date = value
  else if (value.trim().toLowerCase() === 'today') {
    date = today(sourceDateEpoch)
    if (sourceDateEpoch === undefined) timeZone = undefined
  } else date = isoDay(value) ?? undefined
  if (!date || Number.isNaN(date.getTime())) return String(value)
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(date)
}

/** Today, or the day of SOURCE_DATE_EPOCH when given, so builds are reproducible. */
export function today(sourceDateEpoch?: number): Date {
  return sourceDateEpoch === undefined ? new Date() : new Date(sourceDateEpoch * 1000)
}

/** The UTC day an ISO date (YYYY-MM-DD) names; null for one that names no day (2026-02-30); undefined for other text. */
export function isoDay(text: string): Date | null | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim())
  if (!match) return undefined
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number]
  const date = new Date(Date.UTC(year, month - 1, day))
  // Date rolls an impossible day over (February 30 is March 2); a real day comes back as written.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null
}

/**
 * What is wrong with a date's text, or undefined: text that starts like an ISO date (digits-digits-digits)
 * must be one, YYYY-MM-DD naming a real day; other text ("Spring 2027") is free text and fine.
 */
export function dateProblem(text: string): string | undefined {
  const day = isoDay(text)
  if (day === null) return `a day that exists: ${text.trim()} is not in the calendar`
  if (day === undefined && /^\d{4}-\d{1,2}-\d{1,2}(?!\d)/.test(text.trim()))
    return `a date written YYYY-MM-DD: ${text.trim()} looks like one but is not`
  return undefined
}
