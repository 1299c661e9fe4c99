/**
 * Each area keeps its text in its own file (`messages/<area>.ts`), Indonesian and English side by
 * side; the type makes the English half list exactly the Indonesian keys.
 */
export function defineMessages<K extends string>(messages: {
  id: Record<K, string>;
  en: NoInfer<Record<K, string>>;
}): { id: Record<K, string>; en: Record<K, string> } {
  return messages;
}
