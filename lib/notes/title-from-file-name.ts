/** "khrushchev-ussr-1953-1964.txt" → "Khrushchev ussr 1953–1964", used only when the notes have no title line. */
export function titleFromFileName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const words = name.replace(/\.[^.]*$/, "").replace(/[-_]+/g, " ").replace(/\b(\d{4}) (\d{2,4})\b/g, "$1–$2").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
