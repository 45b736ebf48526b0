import { SeededRandom, stableId } from '@hall/kit';
import { GIVEN_NAME_CHARACTERS, SURNAMES } from '@hall/catalog';
import { creditCodeCheckCharacter, idCardCheckCharacter } from '../applicant/applicant.rules';
import { ApplicantKind } from '../applicant/applicant.entity';

/** The administrative division code of Haiyang (海阳市), Shandong. */
export const HAIYANG_REGION = '370687';

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const TRADE_NAMES = [
  '海丰',
  '鑫源',
  '华安',
  '东方',
  '瑞祥',
  '金海',
  '恒信',
  '宏达',
  '凤城',
  '盛泰',
  '润禾',
  '天成',
  '永和',
  '嘉禾',
  '海晟',
  '新港',
  '银滩',
  '富民',
  '隆昌',
  '丰源',
];
const TRADES = [
  '建筑工程',
  '食品',
  '商贸',
  '水产',
  '机械制造',
  '房地产开发',
  '物流',
  '农业科技',
  '餐饮管理',
  '建材',
  '纺织',
  '旅游开发',
  '医药',
  '电子',
  '环保科技',
];
const FORMS = ['有限公司', '有限责任公司', '股份有限公司', '合作社'];

export interface ApplicantRow {
  id: string;
  kind: ApplicantKind;
  name: string;
  identity_number: string;
  phone: string;
  created_at: string;
}

/** Makes believable, valid, entirely fictional applicants of the city. */
export class ApplicantFactory {
  private count = 0;

  constructor(private readonly random: SeededRandom) {}

  next(createdAt: Date): ApplicantRow {
    const random = this.random;
    this.count += 1;
    const person = random.chance(0.75);
    let name: string;
    let identity: string;
    if (person) {
      const given = random.int(1, 2);
      name =
        random.pick(SURNAMES) +
        Array.from({ length: given }, () => random.pick(GIVEN_NAME_CHARACTERS)).join('');
      const year = random.int(1950, 2002);
      const month = String(random.int(1, 12)).padStart(2, '0');
      const day = String(random.int(1, 28)).padStart(2, '0');
      const first17 = `${HAIYANG_REGION}${year}${month}${day}${String(random.int(0, 999)).padStart(3, '0')}`;
      identity = first17 + idCardCheckCharacter(first17);
    } else {
      name = `海阳市${random.pick(TRADE_NAMES)}${random.pick(TRADES)}${random.pick(FORMS)}`;
      const organisation = Array.from({ length: 9 }, () => random.pick([...CREDIT_CHARS])).join('');
      const first17 = `91${HAIYANG_REGION}${organisation}`;
      identity = first17 + creditCodeCheckCharacter(first17);
    }
    const phone = `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
    return {
      id: stableId('applicant', String(this.count)),
      kind: person ? ApplicantKind.PERSON : ApplicantKind.ENTERPRISE,
      name,
      identity_number: identity,
      phone,
      created_at: createdAt.toISOString(),
    };
  }
}
