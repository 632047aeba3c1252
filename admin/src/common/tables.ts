/** A table cell of figures: right-aligned, digits of one width so the column lines up, never wrapped. */
export const numericCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;
