/** An error that stops one letter, with its place in the source (1-based; null when unknown). */
export class LetterError extends Error {
  constructor(
    message: string,
    readonly line: number | null = null,
    readonly column: number | null = null,
    readonly file?: string,
  ) {
    super(message)
    this.name = 'LetterError'
  }
}
