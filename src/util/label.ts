/** Normalise a reference label the way CommonMark matches them. */
export const normaliseLabel = (label: string) => label.trim().replace(/\s+/g, ' ').toLowerCase()
