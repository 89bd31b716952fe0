/** Saves `text` as a file named `name` through the browser's download of a blob link (extension pages). */
export function downloadText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: the download may start after this function returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
