import { type Theme, useMediaQuery } from '@mui/material';

/**
 * Whether the screen is a phone's (below MUI's `sm`, 600 px): lists then show one card a record
 * (SimpleList) instead of a table, and record pages stack what sits side by side on a desktop.
 */
export const usePhone = (): boolean => useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
