/** The hall's floors: 8,300 m² in three floors (the gazette). */
export const FLOORS = [
  { number: 1, purpose: '统一受理平台、人社局、中介机构、银行、商务中心', areaSqm: 3100 },
  { number: 2, purpose: '政务服务区：建设、国土、国税、工商等16个单位及综合窗口', areaSqm: 3100 },
  { number: 3, purpose: '行政服务局办公区、职工食堂', areaSqm: 2100 },
] as const;

export interface OrganizationSeed {
  code: string;
  name: string;
  kind: 'INTERMEDIARY_AGENCY' | 'BANK' | 'BUSINESS_CENTER';
  services: string;
  /** Windows on floor 1 and the people at them. */
  windows: number;
  staff: number;
}

/** The 11 intermediary agencies, 2 banks and 1 business center stationed in the hall. */
export const ORGANIZATIONS: readonly OrganizationSeed[] = [
  {
    code: 'A01',
    name: '海阳市建筑工程施工图审查中心',
    kind: 'INTERMEDIARY_AGENCY',
    services: '施工图设计文件审查',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A02',
    name: '海阳市诚信房地产估价有限公司',
    kind: 'INTERMEDIARY_AGENCY',
    services: '房地产估价',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A03',
    name: '海阳市信达测绘有限公司',
    kind: 'INTERMEDIARY_AGENCY',
    services: '地籍测绘、房产测绘',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A04',
    name: '海阳市正信会计师事务所',
    kind: 'INTERMEDIARY_AGENCY',
    services: '验资、审计',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A05',
    name: '海阳市永安建设工程造价咨询有限公司',
    kind: 'INTERMEDIARY_AGENCY',
    services: '工程造价咨询',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A06',
    name: '海阳市环境科学研究所',
    kind: 'INTERMEDIARY_AGENCY',
    services: '环境影响评价文件编制',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A07',
    name: '海阳市建设工程质量检测站',
    kind: 'INTERMEDIARY_AGENCY',
    services: '建设工程质量检测',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A08',
    name: '海阳市公证处',
    kind: 'INTERMEDIARY_AGENCY',
    services: '公证',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A09',
    name: '海阳市安康安全评价有限公司',
    kind: 'INTERMEDIARY_AGENCY',
    services: '安全评价',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A10',
    name: '海阳市众信招标代理有限公司',
    kind: 'INTERMEDIARY_AGENCY',
    services: '招标代理',
    windows: 1,
    staff: 1,
  },
  {
    code: 'A11',
    name: '海阳市恒信代理记账有限公司',
    kind: 'INTERMEDIARY_AGENCY',
    services: '代理记账、企业登记代理',
    windows: 1,
    staff: 1,
  },
  {
    code: 'B01',
    name: '中国建设银行海阳支行',
    kind: 'BANK',
    services: '规费代收、抵押贷款、住房公积金',
    windows: 6,
    staff: 6,
  },
  {
    code: 'B02',
    name: '中国农业银行海阳支行',
    kind: 'BANK',
    services: '规费代收、涉农贷款、社保卡',
    windows: 6,
    staff: 6,
  },
  {
    code: 'C01',
    name: '海阳市政务服务中心商务中心',
    kind: 'BUSINESS_CENTER',
    services: '复印、照相、邮寄快递',
    windows: 2,
    staff: 2,
  },
];

/** Service bureau windows on floor 1 besides the organisations' (kind, label, count). */
export const BUREAU_WINDOWS = {
  unifiedAcceptance: 14,
  serviceDesks: ['咨询导办', '咨询导办', '投诉受理', '证照送达'],
  comprehensive: 1,
} as const;

/**
 * Staff of the hall: one person per floor-2 department window, 41 at the human resources and
 * social security windows, the service bureau's clerks and office (supervision among them),
 * and the organisations' own staff: 210 in all.
 */
export const STAFF_PLAN = {
  humanResourcesStaff: 41,
  proxyClerks: 3,
  supervisionOfficers: 6,
  bureauOfficers: 6,
} as const;

export const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );
export const GIVEN_NAME_CHARACTERS =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏飞建国志宏海燕晓东立新春雪凤琳婷晨欣怡浩然子轩宇航俊峰文博淑珍丹慧颖'.split(
    '',
  );
