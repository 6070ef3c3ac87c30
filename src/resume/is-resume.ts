/** Whether a source is a JSON Resume rather than Markdown: by its name, as the user gave it. */
export function isResume(path: string): boolean {
  return /\.json$/i.test(path)
}
