// The one place a byte order mark is dropped. VS Code drops it when it opens a file, so every reader
// of patch bytes (validate, apply, diff) strips it the same way and positions agree with the editor.
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
