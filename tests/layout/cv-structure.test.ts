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
  ])('%s', (text, dates, place) => {
    expect(dateLine(text)).toEqual(place === undefined ? { dates } : { dates, place })
  })

  test.each([
    'Python, TypeScript, Rust',
    '2023 was a good year',
    '2023 – present, Stockholm',
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
    expect(experience!.entries.map((e) => [toString(e.heading), e.dates, e.place])).toEqual([
      ['Research Engineer, Northwind Labs', '2023 – present', 'Stockholm'],
      ['Intern, Fjord', '2019', 'Oslo'],
    ])
    expect(experience!.entries[0]!.body.map((b) => b.type)).toEqual(['list'])
    // The date line's paragraph goes on without it.
    expect(experience!.entries[1]!.body.map((b) => toString(b))).toEqual(['Worked on search.'])
    expect(education!.intro.map((b) => toString(b))).toEqual(['Degrees below.'])
    expect(education!.entries[0]).toMatchObject({ dates: '2016 – 2018', body: [] })
    expect(skills!.entries).toEqual([])
    expect(skills!.intro.map((b) => b.type)).toEqual(['list'])
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
