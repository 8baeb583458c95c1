export const deadLetterKeys = {
  all: ["dead-letter"] as const,
  list: () => [...deadLetterKeys.all, "list"] as const,
};
