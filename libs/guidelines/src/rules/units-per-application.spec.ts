import { aRuleInput } from '../testing/fixtures.js';
import { unitsPerApplication } from './units-per-application.js';

describe(unitsPerApplication.name, () => {
  it('passes 90 nights over several lines', () => {
    expect(
      unitsPerApplication(
        aRuleInput({
          lines: [
            { description: 'Hotel', quantity: 30, unitAmount: 50_000n },
            { description: 'Flat', quantity: 60, unitAmount: 50_000n },
          ],
        }),
      ),
    ).toBeNull();
  });

  it('blocks 91 nights', () => {
    expect(
      unitsPerApplication(
        aRuleInput({
          lines: [
            { description: 'Hotel', quantity: 31, unitAmount: 50_000n },
            { description: 'Flat', quantity: 60, unitAmount: 50_000n },
          ],
        }),
      ),
    ).toEqual({
      rule: 'units-per-application',
      severity: 'block',
      message: 'The lines come to 91 nights, more than the most per application, 90.',
      messageDa: 'Linjerne udgør 91 nætter, mere end højst 90 pr. ansøgning.',
      messageFi: 'Rivejä on yhteensä 91 yötä, enemmän kuin enintään 90 hakemusta kohden.',
    });
  });

  it('blocks 11 tattoo-removal sessions', () => {
    expect(
      unitsPerApplication(
        aRuleInput({
          categoryCode: 'tattoo_removal',
          lines: [{ description: 'Laser', quantity: 11, unitAmount: 100_000n }],
        }),
      )?.messageDa,
    ).toBe('Linjerne udgør 11 behandlinger, mere end højst 10 pr. ansøgning.');
  });
});
