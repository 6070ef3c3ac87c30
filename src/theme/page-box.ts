import type { Theme } from './schema.js'
import { mm, PAPER_HEIGHT, PAPER_WIDTH, SMALLEST_SHEET } from './units.js'

/** The smallest text area a letter is set in, each way: a narrow column of a dozen words a line. */
export const MIN_TEXT = mm(50)
/** A line of text without leading of its own (the running header) is its font's height: about 1.4 × its size. */
const FONT_LINE = 1.4

/** A theme value that leaves the page unusable: its key, and what it must be (after "must be"). */
export interface PageBoxProblem {
  path: string[]
  message: string
}

const pt = (v: number) => `${Number(v.toFixed(1))} pt`
/** The paper that is smallest in one direction, as the messages name it. */
const narrowest = (sizes: Record<string, number>) => Object.entries(sizes).sort((a, b) => a[1] - b[1])[0]![0]
const NARROW = `${narrowest(PAPER_WIDTH)} paper (${pt(SMALLEST_SHEET.width)} wide)`
const SHORT = `${narrowest(PAPER_HEIGHT)} paper (${pt(SMALLEST_SHEET.height)} high)`

/** The margin pair that leaves too little text area in one direction, blaming the larger margin. */
function marginPair(
  theme: Theme,
  [a, b]: ['left', 'right'] | ['top', 'bottom'],
  sheet: number,
  paper: string,
  what: string,
): PageBoxProblem[] {
  const m = theme.page.margin
  if (sheet - m[a] - m[b] >= MIN_TEXT) return []
  const [side, other] = m[a] >= m[b] ? [a, b] : [b, a]
  return [
    {
      path: ['page', 'margin', side],
      message: `at most ${pt(sheet - m[other] - MIN_TEXT)}: with page.margin.${other} at ${pt(m[other])}, the text area on ${paper} must stay at least ${pt(MIN_TEXT)} (50 mm) ${what}`,
    },
  ]
}

/**
 * What in a theme leaves a page without room for its text, on A4 and on Letter paper alike: the text area
 * inside the margins, the running header inside the top margin, the letterhead band, the largest image, and
 * the DIN form's fields on the sheet with room for text below them. Empty when the page is usable.
 */
export function pageBoxProblems(theme: Theme): PageBoxProblem[] {
  const { margin, headerOffset } = theme.page
  const problems = [
    ...marginPair(theme, ['left', 'right'], SMALLEST_SHEET.width, NARROW, 'wide'),
    ...marginPair(theme, ['top', 'bottom'], SMALLEST_SHEET.height, SHORT, 'high'),
  ]
  const textHeight = SMALLEST_SHEET.height - margin.top - margin.bottom
  const header = theme.size.small * FONT_LINE
  if (headerOffset + header > margin.top) {
    problems.push(
      margin.top < header
        ? {
            path: ['page', 'margin', 'top'],
            message: `at least ${pt(headerOffset + header)}: the running header of later pages (at page.headerOffset ${pt(headerOffset)}, one line of size.small) must end inside the top margin`,
          }
        : {
            path: ['page', 'headerOffset'],
            message: `at most ${pt(margin.top - header)}: the running header of later pages (one line of size.small, about ${pt(header)}) must end inside the top margin (page.margin.top ${pt(margin.top)})`,
          },
    )
  }
  // --fit may take the top margin down to its floor: the header must still end above the text there.
  const floor = theme.fit.minMargin
  const floorTop = typeof floor === 'number' ? floor : floor.top
  if (headerOffset + header <= margin.top && floorTop < margin.top && headerOffset + header > floorTop) {
    const path = typeof floor === 'number' ? ['fit', 'minMargin'] : ['fit', 'minMargin', 'top']
    problems.push({
      path,
      message: `at least ${pt(headerOffset + header)}: --fit may narrow the top margin to it, and the running header of later pages (at page.headerOffset, one line of size.small) must end inside the top margin`,
    })
  }
  if (theme.letterhead.style === 'band' && theme.letterhead.bandHeight > margin.top) {
    problems.push({
      path: ['letterhead', 'bandHeight'],
      message: `at most ${pt(margin.top)} (page.margin.top): the band stays in the top margin, behind no text`,
    })
  }
  if (textHeight >= MIN_TEXT && theme.image.maxHeight > textHeight) {
    problems.push({
      path: ['image', 'maxHeight'],
      message: `at most ${pt(textHeight)}: an image must fit the text area on ${SHORT} within the margins`,
    })
  }
  const din = theme.din
  if (din) {
    const field = din.addressField
    if (field.left + field.width > SMALLEST_SHEET.width)
      problems.push({
        path: ['din', 'addressField', 'width'],
        message: `at most ${pt(SMALLEST_SHEET.width - field.left)}: the address field must end on the sheet (${NARROW})`,
      })
    if (field.top + field.height > SMALLEST_SHEET.height)
      problems.push({
        path: ['din', 'addressField', 'height'],
        message: `at most ${pt(SMALLEST_SHEET.height - field.top)}: the address field must end on the sheet (${SHORT})`,
      })
    if (din.addressInset >= field.width)
      problems.push({
        path: ['din', 'addressInset'],
        message: `less than ${pt(field.width)} (din.addressField.width): the inset leaves the address room inside the field`,
      })
    if (din.notesZone > field.height)
      problems.push({
        path: ['din', 'notesZone'],
        message: `at most ${pt(field.height)} (din.addressField.height): the notes zone is the top of the address field`,
      })
    if (din.infoBlock.left + din.infoBlock.width > SMALLEST_SHEET.width)
      problems.push({
        path: ['din', 'infoBlock', 'width'],
        message: `at most ${pt(SMALLEST_SHEET.width - din.infoBlock.left)}: the information block must end on the sheet (${NARROW})`,
      })
    if (din.bodyTop < margin.top)
      problems.push({
        path: ['din', 'bodyTop'],
        message: `at least ${pt(margin.top)} (page.margin.top): the text starts below the top margin`,
      })
    else if (SMALLEST_SHEET.height - margin.bottom - din.bodyTop < MIN_TEXT) {
      problems.push({
        path: ['din', 'bodyTop'],
        message: `at most ${pt(SMALLEST_SHEET.height - margin.bottom - MIN_TEXT)}: the first page needs a text area at least ${pt(MIN_TEXT)} (50 mm) high below the form, above the bottom margin, on ${SHORT}`,
      })
    }
  }
  return problems
}
