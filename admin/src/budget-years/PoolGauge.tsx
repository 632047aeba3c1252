import { Box, Stack, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { toMinor, useFormatMoney } from '../common/money';
import { share, useFormatPercent } from '../common/percent';
import type { BudgetYear } from '../types';

// Okabe–Ito colours, told apart with every common colour-vision deficiency; the
// committed part is also hatched, so the bar reads in greyscale and print too.
export const GAUGE_COLORS = {
  disbursed: '#0072B2',
  committed: '#E69F00',
  available: '#E8E8E8',
} as const;

const HATCH = 'repeating-linear-gradient(135deg, transparent 0 6px, rgba(0, 0, 0, 0.18) 6px 8px)';

type Part = keyof typeof GAUGE_COLORS;
const PARTS: Part[] = ['disbursed', 'committed', 'available'];

const swatch = (part: Part) => ({
  bgcolor: GAUGE_COLORS[part],
  backgroundImage: part === 'committed' ? HATCH : undefined,
  border: part === 'available' ? '1px solid #9E9E9E' : undefined,
});

export interface PoolGaugeProps {
  total: number;
  disbursed: number;
  committed: number;
  available: number;
  /** translation key of what the total is ("pool", "allocation") */
  totalLabel?: string;
}

/**
 * One stacked horizontal bar: paid, committed (granted, not yet paid) and still
 * available, as shares of the pool, with a legend of amounts and percentages.
 */
export const PoolGauge = ({
  total,
  disbursed,
  committed,
  available,
  totalLabel = 'resources.budget-years.fields.poolAmount',
}: PoolGaugeProps) => {
  const translate = useTranslate();
  const format = useFormatMoney();
  const percent = useFormatPercent();
  const whole = toMinor(total) ?? 0n;
  const amounts: Record<Part, bigint> = {
    disbursed: toMinor(disbursed) ?? 0n,
    committed: toMinor(committed) ?? 0n,
    available: toMinor(available) ?? 0n,
  };
  const label = (part: Part) => translate(`app.budget_years.gauge.${part}`);
  const shares = Object.fromEntries(PARTS.map((part) => [part, share(amounts[part], whole)])) as Record<
    Part,
    number | null
  >;
  const summary = PARTS.map((part) => `${label(part)}: ${format(amounts[part])} (${percent(shares[part])})`).join(', ');

  return (
    <Box data-testid="pool-gauge">
      <Box
        role="img"
        aria-label={`${translate(totalLabel)} ${format(whole)}. ${summary}`}
        sx={{
          display: 'flex',
          height: 36,
          borderRadius: 1,
          overflow: 'hidden',
          border: '1px solid',
          borderColor: 'divider',
          bgcolor: GAUGE_COLORS.available,
        }}
      >
        {PARTS.map((part) => {
          const value = shares[part] ?? 0;
          if (value <= 0) return null;
          return (
            <Tooltip key={part} title={`${label(part)}: ${format(amounts[part])} (${percent(shares[part])})`}>
              <Box
                sx={{
                  ...swatch(part),
                  border: undefined,
                  width: `${value * 100}%`,
                  // a sliver stays visible however small its share
                  minWidth: 3,
                  display: 'flex',
                  alignItems: 'center',
                  justifyContent: 'center',
                  overflow: 'hidden',
                  color: part === 'disbursed' ? '#fff' : 'rgba(0, 0, 0, 0.87)',
                  typography: 'caption',
                  fontWeight: 600,
                  whiteSpace: 'nowrap',
                }}
              >
                {value >= 0.08 ? percent(value) : null}
              </Box>
            </Tooltip>
          );
        })}
      </Box>
      <Stack
        direction="row"
        sx={{ flexWrap: 'wrap', columnGap: 3, rowGap: 1, mt: 1.5, mb: 0, p: 0 }}
        component="ul"
        aria-hidden
      >
        {PARTS.map((part) => (
          <Stack
            key={part}
            direction="row"
            spacing={1}
            component="li"
            sx={{ alignItems: 'flex-start', listStyle: 'none' }}
          >
            <Box sx={{ ...swatch(part), width: 14, height: 14, borderRadius: 0.5, mt: 0.5, flexShrink: 0 }} />
            <Box>
              <Typography variant="caption" color="text.secondary" component="div">
                {label(part)}
              </Typography>
              <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                <strong>{format(amounts[part])}</strong> · {percent(shares[part])}
              </Typography>
            </Box>
          </Stack>
        ))}
        <Box component="li" sx={{ listStyle: 'none', ml: { sm: 'auto' } }}>
          <Typography variant="caption" color="text.secondary" component="div">
            {translate(totalLabel)}
          </Typography>
          <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
            <strong>{format(whole)}</strong>
          </Typography>
        </Box>
      </Stack>
    </Box>
  );
};

/** The year's whole pool as a gauge, with the words that say what its parts mean. */
export const YearPoolGauge = ({
  year,
}: {
  year: Pick<BudgetYear, 'poolAmount' | 'committed' | 'disbursed' | 'available'>;
}) => {
  const translate = useTranslate();
  return (
    <>
      <PoolGauge
        total={year.poolAmount}
        committed={year.committed}
        disbursed={year.disbursed}
        available={year.available}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
        {translate('app.budget_years.explanation')}
      </Typography>
    </>
  );
};
