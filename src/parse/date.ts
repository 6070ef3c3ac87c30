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
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) date = new Date(`${value.trim()}T00:00:00Z`)
  if (!date || Number.isNaN(date.getTime())) return String(value)
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone }).format(date)
}

/** Today, or the day of SOURCE_DATE_EPOCH when given, so builds are reproducible. */
export function today(sourceDateEpoch?: number): Date {
  return sourceDateEpoch === undefined ? new Date() : new Date(sourceDateEpoch * 1000)
}
