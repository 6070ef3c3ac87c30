/**
 * The form in which two output paths count as the same file: macOS and Windows disks ignore case and
 * Unicode normalisation ("Acme.pdf" and "acme.pdf", "é" composed or as e + accent), so a run treats them alike.
 */
export function outputKey(path: string): string {
  return path.normalize('NFC').toLowerCase()
}
