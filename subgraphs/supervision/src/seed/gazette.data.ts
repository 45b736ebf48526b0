/**
 * The supervision figures of the Haiyang gazette (see DOMAIN.md): what the seed reproduces.
 */
export const GAZETTE = {
  /** Complaints handled, all closed, satisfaction 100% (投诉). */
  complaints: { 2010: 15, 2011: 13 },
  /** Inspection files reviewed in 2010 (审核进企检查资料257份). */
  inspectionsReviewed2010: 257,
  /** Inspection notices issued in 2011 (开具执法检查通知书5份). */
  inspectionNotices2011: 5,
  /** Fee permit notices at the lowest standard in 2011 (收费许可通知书106份). */
  feePermitNotices2011: 106,
  /** Enterprise heads appointed social supervisors (社会监督员). */
  socialSupervisors: 20,
} as const;

/** The day the 20 social supervisors were appointed (the gazette says 2010 to 2012). */
export const SUPERVISORS_APPOINTED_ON = '2010-03-15';

/** The inspections departments of the hall carry out, by the department's short name. */
export const INSPECTIONS: Readonly<Record<string, { purpose: string; legalBasis: string }[]>> = {
  人社局: [
    { purpose: '劳动保障监察：劳动合同签订及工资支付情况', legalBasis: '《劳动保障监察条例》' },
  ],
  住建局: [{ purpose: '建筑施工现场安全生产检查', legalBasis: '《建设工程安全生产管理条例》' }],
  国土局: [{ purpose: '建设项目用地情况核查', legalBasis: '《中华人民共和国土地管理法》' }],
  国税局: [{ purpose: '增值税发票使用情况检查', legalBasis: '《中华人民共和国税收征收管理法》' }],
  地税局: [{ purpose: '营业税及附加缴纳情况检查', legalBasis: '《中华人民共和国税收征收管理法》' }],
  工商局: [{ purpose: '企业经营行为监督检查', legalBasis: '《中华人民共和国公司登记管理条例》' }],
  质监局: [
    { purpose: '产品质量监督抽查', legalBasis: '《中华人民共和国产品质量法》' },
    { purpose: '锅炉、压力容器等特种设备安全检查', legalBasis: '《特种设备安全监察条例》' },
  ],
  公安局: [{ purpose: '消防安全检查', legalBasis: '《中华人民共和国消防法》' }],
  环保局: [{ purpose: '污染物排放情况执法检查', legalBasis: '《中华人民共和国环境保护法》' }],
  卫生局: [{ purpose: '作业场所职业卫生检查', legalBasis: '《中华人民共和国职业病防治法》' }],
  食药局: [{ purpose: '食品生产经营监督检查', legalBasis: '《中华人民共和国食品安全法》' }],
  安监局: [{ purpose: '安全生产执法检查', legalBasis: '《中华人民共和国安全生产法》' }],
  物价局: [{ purpose: '收费及明码标价情况检查', legalBasis: '《中华人民共和国价格法》' }],
};

/** Where the fictional enterprises of the seed sit: the towns and streets of Haiyang. */
export const ENTERPRISE_PLACES = [
  '凤城',
  '方圆',
  '东村',
  '留格',
  '盘石',
  '朱吴',
  '发城',
  '行村',
  '辛安',
  '小纪',
  '徐家店',
  '二十里店',
  '郭城',
  '大阎家',
  '龙山',
  '亚沙城',
];

/** Their trades, with the words a fictional firm name ends in. */
export const ENTERPRISE_TRADES = [
  '食品有限公司',
  '针织服装有限公司',
  '机械制造有限公司',
  '新型建材有限公司',
  '水产食品有限公司',
  '果品贸易有限公司',
  '塑料制品有限公司',
  '电子科技有限公司',
  '物流有限公司',
  '农业科技有限公司',
  '纺织有限公司',
  '汽车配件有限公司',
  '化工有限公司',
  '工艺品有限公司',
  '置业有限公司',
  '船舶修造有限公司',
];

export const COMPLAINT_CONTENTS = [
  '窗口工作人员服务态度生硬，对所咨询的问题解释不清。',
  '办理事项超过承诺时限仍未办结，也未说明原因。',
  '一次性告知不到位，补交材料往返多次。',
  '进企检查过于频繁，影响企业正常生产经营。',
  '收费项目和标准未公示，对收费金额有异议。',
  '网上申报后长时间无人受理。',
  '工作时间窗口无人在岗，群众等候时间过长。',
  '要求提供法律法规未规定的证明材料。',
];

export const COMPLAINT_ANSWERS = [
  '经调查核实，已责成相关部门整改，并向投诉人当面说明情况。',
  '经核实情况属实，已对当事工作人员批评教育，并通报窗口单位。',
  '已协调窗口单位加快办理，事项已办结并告知投诉人。',
  '经调查，相关收费有政策依据，已向投诉人解释收费依据和标准。',
  '已督促部门规范检查行为，严格执行执法检查预批许可制度。',
];

export const INSPECTION_REFUSALS = [
  '同一企业本季度已接受同类检查，不重复批准。',
  '检查依据不充分，请补充法律依据后重新申报。',
  '检查内容可通过书面审查完成，无需进企检查。',
];
