const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:'])

/** The URL if it may become a clickable link (http, https, mailto, tel), otherwise undefined. */
export function linkTarget(url: string): string | undefined {
  const trimmed = url.trim()
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*:)/.exec(trimmed)?.[1]?.toLowerCase()
  return scheme && LINK_SCHEMES.has(scheme) ? trimmed : undefined
}
