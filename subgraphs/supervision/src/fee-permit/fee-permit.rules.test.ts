import { checkFeeStandard, issuedAmount } from './fee-permit.rules';

describe('fee standards', () => {
  it('issues at the lowest standard whatever was asked', () => {
    const standard = checkFeeStandard(
      { minimumFen: 5000, maximumFen: 20000, requestedFen: 15000 },
      'input',
    );
    expect(issuedAmount(standard)).toBe(5000);
  });

  it('refuses a request outside the standard, and a standard upside down', () => {
    const field = (values: Parameters<typeof checkFeeStandard>[0]) => {
      try {
        checkFeeStandard(values, 'input');
        return null;
      } catch (error) {
        return (error as { extensions: { code: string; field: string } }).extensions;
      }
    };
    expect(field({ minimumFen: 5000, maximumFen: 20000, requestedFen: 20001 })).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.requestedFen',
    });
    expect(field({ minimumFen: 5000, maximumFen: 4000, requestedFen: 4500 })).toMatchObject({
      field: 'input.maximumFen',
    });
    expect(field({ minimumFen: 0.5, maximumFen: 4000, requestedFen: 100 })).toMatchObject({
      field: 'input.minimumFen',
    });
  });
});
