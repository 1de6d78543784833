// The intake parser: correspondence text (as typed or as extracted from PDF) → structured oficios.
export {};
