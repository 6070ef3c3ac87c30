import { profileLink } from '../util/url.js'
import { escapeLine, escapeParagraphs, escapeUrl } from './escape.js'
import type { JsonPath } from './read.js'
import type { Resume } from './schema.js'

/** One line of the generated Markdown, with the JSON value it shows (for the places of messages about it). */
export interface SourceLine {
  text: string
  path: JsonPath
}

type Entry<K extends keyof Resume> = NonNullable<Resume[K]> extends (infer T)[] ? T : never

/** Words the CV adds around the resume's own: section headings and the open end of a date range. */
const WORDS = {
  summary: 'Summary',
  work: 'Experience',
  education: 'Education',
  skills: 'Skills',
  projects: 'Projects',
  volunteer: 'Volunteering',
  awards: 'Awards',
  certificates: 'Certificates',
  publications: 'Publications',
  languages: 'Languages',
  interests: 'Interests',
  references: 'References',
  present: 'present',
  score: 'Score',
  roles: 'Roles',
  keywords: 'Keywords',
}

/**
 * A JSON Resume as CV Markdown: front matter `layout: cv` with `from` (name, title, contact, address,
 * links), then a `##` section for each part present, in a CV's order, with `###` entries whose first line
 * is their date range and place. Every text of the resume is escaped, so it reads back as written.
 */
export function resumeLines(resume: Resume): SourceLine[] {
  const out: SourceLine[] = []
  const line = (text: string, path: JsonPath) => out.push({ text, path })
  const blank = () => out.length && out[out.length - 1]!.text !== '' && line('', [])
  const paragraphs = (text: string | undefined, path: JsonPath) => {
    for (const paragraph of escapeParagraphs(text ?? '')) {
      blank()
      for (const part of paragraph.split('\n')) line(part, path)
    }
  }
  const bullets = (items: string[] | undefined, path: JsonPath) => {
    const shown = (items ?? []).map((item, i) => ({ item: escapeParagraphs(item).join('\\\n'), i })).filter((b) => b.item)
    if (!shown.length) return
    blank()
    for (const { item, i } of shown) item.split('\n').forEach((part, j) => line(`${j ? '  ' : '- '}${part}`, [...path, i]))
  }
  const labelled = (label: string, items: string[] | undefined, path: JsonPath) => {
    const words = (items ?? []).map(escapeLine).filter(Boolean)
    if (!words.length) return
    blank()
    line(`**${label}:** ${words.join(', ')}`, path)
  }
  const section = (heading: string, path: JsonPath) => {
    blank()
    line(`## ${heading}`, path)
  }
  const entry = (parts: { text?: string; url?: string }[], dates: (string | undefined)[], place: string | undefined, path: JsonPath) => {
    const heading = parts
      .map(({ text, url }) => {
        const words = escapeLine(text ?? '')
        const target = url && profileLink(url.trim())
        return words && target ? `[${words}](${escapeUrl(target)})` : words
      })
      .filter(Boolean)
      .join(', ')
    blank()
    line(`### ${heading}`, path)
    const when = dateRange(dates)
    const where = escapeLine(place ?? '')
    const first = [when, where].filter(Boolean).join(' · ')
    if (first) line(first, path)
  }

  frontMatter(resume, line)
  const { basics } = resume
  if (basics?.summary?.trim()) {
    section(WORDS.summary, ['basics', 'summary'])
    paragraphs(basics.summary, ['basics', 'summary'])
  }
  const list = <K extends keyof Resume>(key: K, each: (item: Entry<K>, path: JsonPath) => void) => {
    const items = (resume[key] ?? []) as Entry<K>[]
    if (!items.length) return
    section(WORDS[key as keyof typeof WORDS], [key])
    items.forEach((item, i) => each(item, [key, i]))
  }
  list('work', (w, p) => {
    entry([{ text: w.position }, { text: w.name, url: w.url }], [w.startDate, w.endDate], w.location, p)
    paragraphs(w.description, [...p, 'description'])
    paragraphs(w.summary, [...p, 'summary'])
    bullets(w.highlights, [...p, 'highlights'])
  })
  list('education', (e, p) => {
    const degree = [e.studyType, e.area].filter((t) => t?.trim()).join(' ')
    entry([{ text: degree }, { text: e.institution, url: e.url }], [e.startDate, e.endDate], undefined, p)
    if (e.score?.trim()) labelled(WORDS.score, [e.score], [...p, 'score'])
    bullets(e.courses, [...p, 'courses'])
  })
  if (resume.skills?.length) {
    section(WORDS.skills, ['skills'])
    blank()
    resume.skills.forEach((s, i) => keywordItem(s.name, s.level, s.keywords, ['skills', i], line))
  }
  list('projects', (pr, p) => {
    const name = [pr.name, pr.type && `(${pr.type})`].filter((t) => t?.trim()).join(' ')
    entry([{ text: name, url: pr.url }], [pr.startDate, pr.endDate], pr.entity, p)
    paragraphs(pr.description, [...p, 'description'])
    bullets(pr.highlights, [...p, 'highlights'])
    labelled(WORDS.roles, pr.roles, [...p, 'roles'])
    labelled(WORDS.keywords, pr.keywords, [...p, 'keywords'])
  })
  list('volunteer', (v, p) => {
    entry([{ text: v.position }, { text: v.organization, url: v.url }], [v.startDate, v.endDate], undefined, p)
    paragraphs(v.summary, [...p, 'summary'])
    bullets(v.highlights, [...p, 'highlights'])
  })
  list('awards', (a, p) => {
    entry([{ text: a.title }, { text: a.awarder }], [a.date], undefined, p)
    paragraphs(a.summary, [...p, 'summary'])
  })
  list('certificates', (c, p) => entry([{ text: c.name, url: c.url }, { text: c.issuer }], [c.date], undefined, p))
  list('publications', (pu, p) => {
    entry([{ text: pu.name, url: pu.url }, { text: pu.publisher }], [pu.releaseDate], undefined, p)
    paragraphs(pu.summary, [...p, 'summary'])
  })
  if (resume.languages?.length) {
    section(WORDS.languages, ['languages'])
    blank()
    resume.languages.forEach((l, i) => keywordItem(l.language, undefined, l.fluency ? [l.fluency] : [], ['languages', i], line))
  }
  if (resume.interests?.length) {
    section(WORDS.interests, ['interests'])
    blank()
    resume.interests.forEach((n, i) => keywordItem(n.name, undefined, n.keywords, ['interests', i], line))
  }
  list('references', (r, p) => {
    entry([{ text: r.name }], [], undefined, p)
    paragraphs(r.reference, [...p, 'reference'])
  })
  return out
}

/** A date range as the source writes its dates (`2019-03 – 2021`; a start with no end goes on: `2023 – present`), or one date alone. */
function dateRange(dates: (string | undefined)[]): string {
  if (dates.length === 1) return dates[0] ?? ''
  const [start, end] = dates
  if (start === undefined) return end ?? ''
  return `${start} – ${end ?? WORDS.present}`
}

/** A list item "**Name (level):** keyword, keyword", or the parts of it that are given. */
function keywordItem(
  name: string | undefined,
  level: string | undefined,
  keywords: string[] | undefined,
  path: JsonPath,
  line: (text: string, path: JsonPath) => void,
): void {
  const label = [escapeLine(name ?? ''), level?.trim() && `(${escapeLine(level)})`].filter(Boolean).join(' ')
  const words = (keywords ?? []).map(escapeLine).filter(Boolean).join(', ')
  const text = label && words ? `**${label}:** ${words}` : label || words
  if (text) line(`- ${text}`, path)
}

/** `layout: cv` and the sender from `basics`, every value a YAML double-quoted string with only ASCII in it. */
function frontMatter(resume: Resume, line: (text: string, path: JsonPath) => void): void {
  const basics = resume.basics ?? {}
  const quote = (text: string) =>
    JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
  line('---', [])
  line('layout: cv', [])
  line('from:', ['basics'])
  const field = (key: string, value: string | undefined, path: JsonPath) => {
    if (value?.trim()) line(`  ${key}: ${quote(value.trim())}`, path)
  }
  field('name', basics.name, ['basics', 'name'])
  field('title', basics.label, ['basics', 'label'])
  field('email', basics.email, ['basics', 'email'])
  field('phone', basics.phone, ['basics', 'phone'])
  const where = basics.location ?? {}
  const address = [
    ...(where.address ?? '').split(/\r?\n|\r/),
    [where.postalCode, where.city].filter((t) => t?.trim()).join(' '),
    [where.region, where.countryCode].filter((t) => t?.trim()).join(', '),
  ].filter((t) => t.trim())
  if (address.length) {
    line('  address:', ['basics', 'location'])
    for (const part of address) line(`    - ${quote(part.trim())}`, ['basics', 'location'])
  }
  const links: { label?: string; url: string; path: JsonPath }[] = []
  if (basics.url?.trim()) links.push({ url: basics.url.trim(), path: ['basics', 'url'] })
  ;(basics.profiles ?? []).forEach((p, i) => {
    const path = ['basics', 'profiles', i]
    const named = [p.network, p.username].filter((t) => t?.trim()).join(': ')
    // A profile with a URL is shown as its address (readable on paper); one without, as network and user name.
    if (p.url?.trim()) links.push({ url: p.url.trim(), path: [...path, 'url'] })
    else if (named) links.push({ label: named, url: '', path })
  })
  if (links.length) {
    line('  links:', ['basics'])
    for (const link of links) {
      line(`    - url: ${quote(link.url)}`, link.path)
      if (link.label) line(`      label: ${quote(link.label)}`, link.path)
    }
  }
  line('---', [])
}
