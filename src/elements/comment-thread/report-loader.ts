/**
 * Loads `<review-comment-report>` when a reader first presses a comment's Report button, so the
 * thread's chunk does not carry its form. The one-file build swaps this file for
 * `report-loader.all.ts` (vite.config.ts), as it does the warning's settings loader: there the
 * element is in the file already, and a dynamic import made rolldown split lit into a chunk.
 */
export function loadReportElement(): Promise<typeof import('./comment-report.js')> {
  return import('./comment-report.js');
}
