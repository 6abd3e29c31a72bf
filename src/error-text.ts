/** What a caught value says: an Error's message, or the value as text (a rejection need not be an Error). */
export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
