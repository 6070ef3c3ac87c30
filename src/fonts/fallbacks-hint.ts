/** Where a missing glyph's warning says to add a fallback font: in a Markdown source, and in a JSON Resume (which has no front matter). */
export const FALLBACKS_AT = { markdown: 'fallbacks: in front matter or config', resume: 'fallbacks: in the project config, letterpress.config.yaml' }
