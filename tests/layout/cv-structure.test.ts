import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { describe, expect, test } from 'vitest'
import { cvParts, dateLine } from '../../src/layout/cv-structure.js'
import { LetterError } from '../../src/parse/errors.js'
import { parseLetter } from '../../src/parse/index.js'

const parts = (md: string) => cvParts(parseLetter(md).tree as Root, 'cv.md')

describe("dateLine: the one rule for a CV entry's dates", () => {
  test.each([
    ['2023 – present', '2023 – present', undefined],
    ['2016 – 2018', '2016 – 2018', undefined],
    ['2016-2018', '2016-2018', undefined],
    ['2016 - 2018', '2016 - 2018', undefined],
    ['2016—2018', '2016—2018', undefined],
    ['2023-01 – present · Stockholm', '2023-01 – present', 'Stockholm'],
    ['2020-01 - 2022-03 | Gothenburg, Sweden', '2020-01 - 2022-03', 'Gothenburg, Sweden'],
    ['04/2021 – heute · Berlin', '04/2021 – heute', 'Berlin'],
    ['04.2021 – 03.2022', '04.2021 – 03.2022', undefined],
    ['Jan 2020 – Mar 2021 — Remote', 'Jan 2020 – Mar 2021', 'Remote'],
    ['Sept. 2019 – now', 'Sept. 2019 – now', undefined],
    ['September 2019 – today', 'September 2019 – today', undefined],
    ['März 2019 – Dezember 2020 · München', 'März 2019 – Dezember 2020', 'München'],
    ['Mai 2018 – Heute', 'Mai 2018 – Heute', undefined],
    ['2016 — 2018 — Uppsala', '2016 — 2018', 'Uppsala'],
    ['2024 · NeurIPS Workshop', '2024', 'NeurIPS Workshop'],
    ['  2019  ', '2019', undefined],
    // Days, as JSON Resume writes them, and the forms people write.
    ['2021-03-15 – present · Athens', '2021-03-15 – present', 'Athens'],
    ['2021-03-15 – 2022-01-10', '2021-03-15 – 2022-01-10', undefined],
    ['2016-07-01', '2016-07-01', undefined],
    ['15.03.2021 – 31.12.2022', '15.03.2021 – 31.12.2022', undefined],
    ['15 March 2021 – today', '15 March 2021 – today', undefined],
    ['seit 2019', 'seit 2019', undefined],
    ['since 2019 · Remote', 'since 2019', 'Remote'],
    ['2019 –', '2019 –', undefined],
    ['2019 – · Lisbon', '2019 –', 'Lisbon'],
    ['2019 – current', '2019 – current', undefined],
    ['2019 – Present', '2019 – Present', undefined],
    ['10/2019 – Heute', '10/2019 – Heute', undefined],
    ['Summer 2020', 'Summer 2020', undefined],
    ['Sommer 2020 · Wien', 'Sommer 2020', 'Wien'],
    ['2019 to 2020', '2019 to 2020', undefined],
    ['2019 bis heute', '2019 bis heute', undefined],
    ['von 2019 bis 2021 • Köln', 'von 2019 bis 2021', 'Köln'],
    // A comma place: a few capitalised words, no sentence.
    ['2019 – 2020, Berlin', '2019 – 2020', 'Berlin'],
    ['2023 – present, Stockholm', '2023 – present', 'Stockholm'],
    ['2015 – 2017, Frankfurt am Main', '2015 – 2017', 'Frankfurt am Main'],
    ['2015 – 2017, Gothenburg, Sweden', '2015 – 2017', 'Gothenburg, Sweden'],
  ])('%s', (text, dates, place) => {
    const found = dateLine(text)
    expect(found && { dates: found.dates, place: found.place }).toEqual({ dates, place })
  })

  test('the separator between dates and place is kept as written', () => {
    expect(dateLine('2019 | Oslo')?.separator).toBe(' | ')
    expect(dateLine('2019 — Oslo')?.separator).toBe(' — ')
    expect(dateLine('2019  ·  Oslo')?.separator).toBe('  ·  ')
    expect(dateLine('2019 – 2020, Berlin')?.separator).toBe(', ')
  })

  test.each([
    'Python, TypeScript, Rust',
    '2023 was a good year',
    '2023, a good year',
    '2019, when I started the company.',
    'Since 2019, I lead the team of four',
    '2019 – 2020 Berlin',
    '20234 – present',
    'Led a team of 4 from 2019',
    'present',
    '2019 ·',
    'May I help',
    '',
  ])('not a date line: %j', (text) => {
    expect(dateLine(text)).toBeUndefined()
  })
})

describe('cvParts', () => {
  const CV = [
    'Research engineer, six years.',
    '## Experience',
    '### Research Engineer, Northwind Labs',
    '2023 – present · Stockholm',
    '- Built tooling',
    '### Intern, Fjord\n2019 | Oslo\nWorked on search.',
    '## Education',
    'Degrees below.',
    '### M.Sc., KTH',
    '2016 – 2018',
    '## Skills',
    '- **Languages:** Python',
  ].join('\n\n')

  test('sections by ##, entries by ###, dates and place from the line under an entry, the rest as it is', () => {
    const cv = parts(CV)
    expect(cv.intro.map((b) => toString(b))).toEqual(['Research engineer, six years.'])
    expect(cv.sections.map((s) => toString(s.heading))).toEqual(['Experience', 'Education', 'Skills'])
    const [experience, education, skills] = cv.sections
    expect(
      experience!.entries.map((e) => [
        toString(e.heading),
        e.dates,
        e.separator,
        e.place && toString({ type: 'paragraph', children: e.place }),
      ]),
    ).toEqual([
      ['Research Engineer, Northwind Labs', '2023 – present', ' · ', 'Stockholm'],
      ['Intern, Fjord', '2019', ' | ', 'Oslo'],
    ])
    expect(experience!.entries[0]!.body.map((b) => b.type)).toEqual(['list'])
    // The date line's paragraph goes on without it.
    expect(experience!.entries[1]!.body.map((b) => toString(b))).toEqual(['Worked on search.'])
    expect(education!.intro.map((b) => toString(b))).toEqual(['Degrees below.'])
    expect(education!.entries[0]).toMatchObject({ dates: '2016 – 2018', body: [] })
    expect(skills!.entries).toEqual([])
    expect(skills!.intro.map((b) => b.type)).toEqual(['list'])
  })

  test('a place keeps its inline Markdown: a link, emphasis', () => {
    const [linked, emphasised] = parts(
      '## Experience\n\n### Intern, Beta\n2020 – present · [Acme](https://acme.example)\n\n### Lead\n2019 | *Remote* work\n',
    ).sections[0]!.entries
    expect(linked!.place).toMatchObject([{ type: 'link', url: 'https://acme.example', children: [{ type: 'text', value: 'Acme' }] }])
    expect(emphasised!.place).toMatchObject([{ type: 'emphasis' }, { type: 'text', value: ' work' }])
  })

  test('an entry whose first paragraph is no date line keeps it in its body, with no dates', () => {
    const entry = parts('## Projects\n\n### letterpress\n\nA Markdown letter tool.\n').sections[0]!.entries[0]!
    expect(entry.dates).toBeUndefined()
    expect(entry.body.map((b) => toString(b))).toEqual(['A Markdown letter tool.'])
  })

  test('a CV with nothing below its front matter is an error naming the file', () => {
    expect(() => parts('---\nlayout: cv\n---\n')).toThrow(LetterError)
    expect(() => parts('---\nlayout: cv\n---\n')).toThrow(/cv\.md.*CV is empty|CV is empty/)
  })
})
