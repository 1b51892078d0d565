// Saves a fetched file under a name: the CSV answers need the bearer token, so a plain link
// cannot fetch them; the blob is handed to the browser through a temporary object URL.
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click's task, once the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a label: lower case, ASCII letters, digits and dashes. */
export function fileSlug(label: string): string {
  return (
    label
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "programme"
  );
}
