// The frame of every self-contained page (schedule, capacity): no script, no network, the page's own
// styles only, light and dark from the reader's theme.

/** `<!DOCTYPE html>` up to `<body>`, with a base style both pages share and the page's own after it. */
export function pageHead(title: string, style: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1f2328;background:#fff}
${style}
</style></head><body>
<h1>${esc(title)}</h1>
`;
}

/** Text made safe for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
