import { PanelKind } from '../review/review.entity';

export interface GazetteRound {
  year: number;
  name: string;
  openedOn: string;
  publishedOn: string;
  panels: { kind: PanelKind; raters: number }[];
  /** How many units the gazette says were reviewed. */
  unitsReviewed: number;
}

/**
 * The department reviews (集中评议) of the gazette: 2010, 430 enterprise heads, 183 citizen
 * representatives, 17 town and district heads and 30 city leaders reviewed 31 departments;
 * 2011, 235 enterprise heads, 80 citizen representatives, 28 city leaders and 17 town heads
 * reviewed 44. Both twice a year.
 */
export const GAZETTE_ROUNDS: readonly GazetteRound[] = [
  {
    year: 2010,
    name: '2010年度部门集中评议',
    openedOn: '2010-06-21',
    publishedOn: '2010-12-27',
    panels: [
      { kind: PanelKind.ENTERPRISE_HEADS, raters: 430 },
      { kind: PanelKind.CITIZEN_REPRESENTATIVES, raters: 183 },
      { kind: PanelKind.TOWN_HEADS, raters: 17 },
      { kind: PanelKind.CITY_LEADERS, raters: 30 },
    ],
    unitsReviewed: 31,
  },
  {
    year: 2011,
    name: '2011年度部门集中评议',
    openedOn: '2011-06-20',
    publishedOn: '2011-12-26',
    panels: [
      { kind: PanelKind.ENTERPRISE_HEADS, raters: 235 },
      { kind: PanelKind.CITIZEN_REPRESENTATIVES, raters: 80 },
      { kind: PanelKind.CITY_LEADERS, raters: 28 },
      { kind: PanelKind.TOWN_HEADS, raters: 17 },
    ],
    unitsReviewed: 44,
  },
];

/**
 * The units reviewed in 2011 beyond the hall's 33 departments: public-service units the city
 * reviewed alongside them, with no window in the hall.
 */
export const OTHER_UNITS_2011: readonly string[] = [
  '海阳市供电公司',
  '海阳市自来水公司',
  '海阳市燃气公司',
  '海阳市邮政局',
  '海阳市电信分公司',
  '海阳市移动分公司',
  '海阳市联通分公司',
  '海阳市公路管理局',
  '海阳市城市管理行政执法局',
  '海阳市住房公积金管理中心',
  '海阳市人民医院',
];
