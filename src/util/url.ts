// What a URL is, in one place: what counts as a URL rather than a path, which URLs may become links, and how
// a sender's profile link is read.

/** A scheme at the start of a text, such as `https:` or `mailto:`. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i
/** A Windows drive letter, such as `C:\` or `C:/`: the start of a path, not a scheme. */
const DRIVE = /^[a-z]:[\\/]/i
/** The schemes a link may have to be clickable. */
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** Whether a text names a URL (it starts with a scheme) rather than a file path; `C:\x.png` is a path. */
export function hasScheme(text: string): boolean {
  return SCHEME.test(text) && !DRIVE.test(text)
}

/** The URL if it may become a clickable link (http, https, mailto, tel), otherwise undefined. */
export function linkTarget(url: string): string | undefined {
  const trimmed = url.trim()
  const scheme = SCHEME.exec(trimmed)?.[0].toLowerCase()
  return scheme && LINK_SCHEMES.has(scheme) ? trimmed : undefined
}

/**
 * The link target of one of the sender's `links`: a bare host ("github.com/x") is a web address; anything
 * that starts like a scheme (a drive letter is no host either) keeps it, and is a link only if that is safe;
 * an empty one is no link.
 */
export function profileLink(url: string): string | undefined {
  // An empty address is a label alone: shown, never a link to nowhere.
  if (!url.trim()) return undefined
  return linkTarget(SCHEME.test(url) ? url : `https://${url}`)
}

/** Whether a sender's link names an address that cannot become a link; an empty one is a label alone, by intent. */
export function unlinkable(url: string): boolean {
  return url.trim() !== '' && profileLink(url) === undefined
}
