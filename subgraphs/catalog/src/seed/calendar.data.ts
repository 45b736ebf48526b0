/**
 * Official public holiday arrangements (国务院办公厅关于部分节假日安排的通知) for the years the
 * default hall covers: the gazette's years 2010-2012 and recent years 2023-2026. Each entry
 * is the closed span, weekend days included, and the make-up working days (调休上班) that go
 * with it. Later years are added through `setCalendarException` once they are announced.
 */
export interface HolidayArrangement {
  name: string;
  from: string;
  to: string;
  makeUpDays: string[];
}

export const HOLIDAY_ARRANGEMENTS: readonly HolidayArrangement[] = [
  // 2010
  { name: '元旦', from: '2010-01-01', to: '2010-01-03', makeUpDays: [] },
  { name: '春节', from: '2010-02-13', to: '2010-02-19', makeUpDays: ['2010-02-20', '2010-02-21'] },
  { name: '清明节', from: '2010-04-03', to: '2010-04-05', makeUpDays: [] },
  { name: '劳动节', from: '2010-05-01', to: '2010-05-03', makeUpDays: [] },
  {
    name: '端午节',
    from: '2010-06-14',
    to: '2010-06-16',
    makeUpDays: ['2010-06-12', '2010-06-13'],
  },
  {
    name: '中秋节',
    from: '2010-09-22',
    to: '2010-09-24',
    makeUpDays: ['2010-09-19', '2010-09-25'],
  },
  {
    name: '国庆节',
    from: '2010-10-01',
    to: '2010-10-07',
    makeUpDays: ['2010-09-26', '2010-10-09'],
  },
  // 2011
  { name: '元旦', from: '2011-01-01', to: '2011-01-03', makeUpDays: [] },
  { name: '春节', from: '2011-02-02', to: '2011-02-08', makeUpDays: ['2011-01-30', '2011-02-12'] },
  { name: '清明节', from: '2011-04-03', to: '2011-04-05', makeUpDays: ['2011-04-02'] },
  { name: '劳动节', from: '2011-04-30', to: '2011-05-02', makeUpDays: [] },
  { name: '端午节', from: '2011-06-04', to: '2011-06-06', makeUpDays: [] },
  { name: '中秋节', from: '2011-09-10', to: '2011-09-12', makeUpDays: [] },
  {
    name: '国庆节',
    from: '2011-10-01',
    to: '2011-10-07',
    makeUpDays: ['2011-10-08', '2011-10-09'],
  },
  // 2012
  { name: '元旦', from: '2012-01-01', to: '2012-01-03', makeUpDays: ['2011-12-31'] },
  { name: '春节', from: '2012-01-22', to: '2012-01-28', makeUpDays: ['2012-01-21', '2012-01-29'] },
  {
    name: '清明节',
    from: '2012-04-02',
    to: '2012-04-04',
    makeUpDays: ['2012-03-31', '2012-04-01'],
  },
  { name: '劳动节', from: '2012-04-29', to: '2012-05-01', makeUpDays: ['2012-04-28'] },
  { name: '端午节', from: '2012-06-22', to: '2012-06-24', makeUpDays: [] },
  { name: '中秋节、国庆节', from: '2012-09-30', to: '2012-10-07', makeUpDays: ['2012-09-29'] },
  // 2023
  { name: '元旦', from: '2022-12-31', to: '2023-01-02', makeUpDays: [] },
  { name: '春节', from: '2023-01-21', to: '2023-01-27', makeUpDays: ['2023-01-28', '2023-01-29'] },
  { name: '清明节', from: '2023-04-05', to: '2023-04-05', makeUpDays: [] },
  {
    name: '劳动节',
    from: '2023-04-29',
    to: '2023-05-03',
    makeUpDays: ['2023-04-23', '2023-05-06'],
  },
  { name: '端午节', from: '2023-06-22', to: '2023-06-24', makeUpDays: ['2023-06-25'] },
  {
    name: '中秋节、国庆节',
    from: '2023-09-29',
    to: '2023-10-06',
    makeUpDays: ['2023-10-07', '2023-10-08'],
  },
  // 2024
  { name: '元旦', from: '2023-12-30', to: '2024-01-01', makeUpDays: [] },
  { name: '春节', from: '2024-02-10', to: '2024-02-17', makeUpDays: ['2024-02-04', '2024-02-18'] },
  { name: '清明节', from: '2024-04-04', to: '2024-04-06', makeUpDays: ['2024-04-07'] },
  {
    name: '劳动节',
    from: '2024-05-01',
    to: '2024-05-05',
    makeUpDays: ['2024-04-28', '2024-05-11'],
  },
  { name: '端午节', from: '2024-06-08', to: '2024-06-10', makeUpDays: [] },
  { name: '中秋节', from: '2024-09-15', to: '2024-09-17', makeUpDays: ['2024-09-14'] },
  {
    name: '国庆节',
    from: '2024-10-01',
    to: '2024-10-07',
    makeUpDays: ['2024-09-29', '2024-10-12'],
  },
  // 2025
  { name: '元旦', from: '2025-01-01', to: '2025-01-01', makeUpDays: [] },
  { name: '春节', from: '2025-01-28', to: '2025-02-04', makeUpDays: ['2025-01-26', '2025-02-08'] },
  { name: '清明节', from: '2025-04-04', to: '2025-04-06', makeUpDays: [] },
  { name: '劳动节', from: '2025-05-01', to: '2025-05-05', makeUpDays: ['2025-04-27'] },
  { name: '端午节', from: '2025-05-31', to: '2025-06-02', makeUpDays: [] },
  {
    name: '国庆节、中秋节',
    from: '2025-10-01',
    to: '2025-10-08',
    makeUpDays: ['2025-09-28', '2025-10-11'],
  },
  // 2026
  { name: '元旦', from: '2026-01-01', to: '2026-01-03', makeUpDays: ['2026-01-04'] },
  { name: '春节', from: '2026-02-15', to: '2026-02-23', makeUpDays: ['2026-02-14', '2026-02-28'] },
  { name: '清明节', from: '2026-04-04', to: '2026-04-06', makeUpDays: [] },
  { name: '劳动节', from: '2026-05-01', to: '2026-05-05', makeUpDays: ['2026-05-09'] },
  { name: '端午节', from: '2026-06-19', to: '2026-06-21', makeUpDays: [] },
  { name: '中秋节', from: '2026-09-25', to: '2026-09-27', makeUpDays: [] },
  {
    name: '国庆节',
    from: '2026-10-01',
    to: '2026-10-07',
    makeUpDays: ['2026-09-20', '2026-10-10'],
  },
];
