import {
  buildCatalogSeed,
  GIVEN_NAME_CHARACTERS,
  SURNAMES,
  type CatalogSeedPlan,
} from '@hall/catalog';
import {
  addDays,
  daysBetween,
  SeededRandom,
  stableId,
  startOfHallDate,
  WorkingCalendar,
} from '@hall/kit';
import {
  Complaint,
  ComplaintChannel,
  ComplaintStatus,
  ComplaintSubject,
  Satisfaction,
} from '../complaint/complaint.entity';
import { acceptByOf, answerByOf } from '../complaint/complaint.rules';
import { FeePermit, FeePermitStatus } from '../fee-permit/fee-permit.entity';
import { issuedAmount } from '../fee-permit/fee-permit.rules';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../inspection/enterprise.rules';
import { InspectionRequest, InspectionStatus } from '../inspection/inspection-request.entity';
import { SocialSupervisor } from '../supervisor/social-supervisor.entity';
import {
  COMPLAINT_ANSWERS,
  COMPLAINT_CONTENTS,
  ENTERPRISE_PLACES,
  ENTERPRISE_TRADES,
  GAZETTE,
  INSPECTION_REFUSALS,
  INSPECTIONS,
  SUPERVISORS_APPOINTED_ON,
} from './gazette.data';

/** Every run of the seed builds the same supervision records from this seed. */
export const SUPERVISION_SEED = 20101231;

/** Who the seeded history's records name as their author. */
const HISTORY_ACTOR = 'history';

type Row<T> = Omit<T, 'createdAt' | 'updatedAt' | 'version'>;

export interface SupervisionSeedPlan {
  supervisors: Row<SocialSupervisor>[];
  complaints: Row<Complaint>[];
  inspections: Row<InspectionRequest>[];
  feePermits: Row<FeePermit>[];
}

interface Enterprise {
  name: string;
  creditCode: string;
}

/** Haiyang's division code: the credit codes of its enterprises carry it. */
const HAIYANG_DIVISION = '370687';

function creditCode(random: SeededRandom): string {
  let organization = '';
  for (let i = 0; i < 9; i += 1) organization += random.pick([...CREDIT_CODE_ALPHABET]);
  const first17 = `91${HAIYANG_DIVISION}${organization}`;
  return `${first17}${creditCodeCheckCharacter(first17)}`;
}

function personName(random: SeededRandom): string {
  const given = random.int(1, 2);
  let name = random.pick(SURNAMES);
  for (let i = 0; i < given; i += 1) name += random.pick(GIVEN_NAME_CHARACTERS);
  return name;
}

function mobile(random: SeededRandom): string {
  return `13${random.int(0, 9)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** Distinct fictional Haiyang enterprises, each with a valid unified social credit code. */
function enterprises(random: SeededRandom, count: number): Enterprise[] {
  const names = new Set<string>();
  while (names.size < count) {
    names.add(`海阳市${random.pick(ENTERPRISE_PLACES)}${random.pick(ENTERPRISE_TRADES)}`);
  }
  return [...names].map((name) => ({ name, creditCode: creditCode(random) }));
}

/** A working day drawn uniformly from `from`..`to` (both working-day aligned). */
function workingDayBetween(
  random: SeededRandom,
  calendar: WorkingCalendar,
  from: string,
  to: string,
): string {
  for (;;) {
    const day = calendar.workingDayOnOrAfter(addDays(from, random.int(0, daysBetween(from, to))));
    if (day <= to) return day;
  }
}

/** An instant during office hours of a hall date. */
function during(random: SeededRandom, date: string): Date {
  return new Date(startOfHallDate(date).getTime() + random.int(8 * 60 + 30, 17 * 60) * 60_000);
}

function sortedBy<T>(rows: T[], key: (row: T) => string): T[] {
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function complaintsOf(
  year: 2010 | 2011,
  count: number,
  catalog: CatalogSeedPlan,
  calendar: WorkingCalendar,
  random: SeededRandom,
): Row<Complaint>[] {
  const drafts = Array.from({ length: count }, () => {
    const department = random.pick(catalog.departments);
    const receivedOn = workingDayBetween(random, calendar, `${year}-01-04`, `${year}-11-30`);
    const acceptedOn = calendar.addWorkingDays(receivedOn, random.int(1, 3));
    const answeredOn = calendar.addWorkingDays(acceptedOn, random.int(2, 8));
    const closedOn = calendar.addWorkingDays(answeredOn, random.int(1, 3));
    const channel = random.pick([
      ComplaintChannel.PHONE,
      ComplaintChannel.PHONE,
      ComplaintChannel.WEB,
      ComplaintChannel.WEB,
      ComplaintChannel.VISIT,
      ComplaintChannel.LETTER,
    ]);
    const windows = catalog.windows.filter((window) => window.departmentId === department.id);
    const staff = catalog.staff.filter((member) => member.departmentId === department.id);
    const draw = random.next();
    const subject =
      draw < 0.15 && windows.length > 0
        ? { subjectType: ComplaintSubject.WINDOW, subjectId: random.pick(windows).id }
        : draw < 0.3 && staff.length > 0
          ? { subjectType: ComplaintSubject.STAFF, subjectId: random.pick(staff).id }
          : { subjectType: ComplaintSubject.DEPARTMENT, subjectId: department.id };
    return {
      departmentId: department.id,
      ...subject,
      channel,
      complainantName: personName(random),
      complainantPhone:
        channel === ComplaintChannel.LETTER && random.chance(0.5) ? null : mobile(random),
      content: random.pick(COMPLAINT_CONTENTS),
      receivedOn,
      receivedAt: during(random, receivedOn),
      acceptedOn,
      answeredOn,
      closedOn,
      answer: random.pick(COMPLAINT_ANSWERS),
      satisfaction: random.chance(0.8) ? Satisfaction.SATISFIED : Satisfaction.BASICALLY_SATISFIED,
    };
  });
  return sortedBy(drafts, (draft) => draft.receivedAt.toISOString()).map((draft, index) => {
    const code = `TS${year}-${String(index + 1).padStart(4, '0')}`;
    return {
      ...draft,
      id: stableId('complaint', code),
      code,
      status: ComplaintStatus.CLOSED,
      acceptBy: acceptByOf(calendar, draft.receivedOn),
      answerBy: answerByOf(calendar, draft.acceptedOn),
      rejectedOn: null,
      rejectionReason: null,
      registeredBy: HISTORY_ACTOR,
    };
  });
}

function inspectionsOf(
  year: 2010 | 2011,
  count: number,
  approvalRate: number,
  catalog: CatalogSeedPlan,
  calendar: WorkingCalendar,
  firms: readonly Enterprise[],
  random: SeededRandom,
): Row<InspectionRequest>[] {
  const inspectors = catalog.departments.filter((department) => INSPECTIONS[department.shortName]);
  const drafts = Array.from({ length: count }, () => {
    const department = random.pick(inspectors);
    const kind = random.pick(INSPECTIONS[department.shortName]!);
    const firm = random.pick(firms);
    const requestedOn = workingDayBetween(random, calendar, `${year}-01-04`, `${year}-12-10`);
    const decidedOn = calendar.addWorkingDays(requestedOn, random.int(1, 2));
    const approved = random.chance(approvalRate);
    return {
      departmentId: department.id,
      enterpriseName: firm.name,
      enterpriseCreditCode: firm.creditCode,
      purpose: kind.purpose,
      legalBasis: kind.legalBasis,
      plannedOn: calendar.addWorkingDays(decidedOn, random.int(1, 10)),
      requestedOn,
      requestedAt: during(random, requestedOn),
      decidedOn,
      approved,
      refusalReason: approved ? null : random.pick(INSPECTION_REFUSALS),
    };
  });
  let notices = 0;
  return sortedBy(drafts, (draft) => draft.requestedAt.toISOString()).map(
    ({ approved, ...draft }, index) => {
      const noticeNo = approved ? `JC${year}-${String(++notices).padStart(3, '0')}` : null;
      return {
        ...draft,
        id: stableId('inspection-request', `${year}-${index + 1}`),
        status: approved ? InspectionStatus.APPROVED : InspectionStatus.REFUSED,
        noticeNo,
        requestedBy: HISTORY_ACTOR,
        decidedBy: HISTORY_ACTOR,
      };
    },
  );
}

function feePermitsOf(
  year: 2011,
  count: number,
  catalog: CatalogSeedPlan,
  calendar: WorkingCalendar,
  firms: readonly Enterprise[],
  random: SeededRandom,
): Row<FeePermit>[] {
  // Fees charged to enterprises: the catalog's fee matters, less the citizens' certificates.
  const fees = catalog.matters.filter(
    (matter) =>
      matter.category === 'FEE' && !/身份证|婚姻/.test(matter.name) && matter.departmentId,
  );
  const drafts = Array.from({ length: count }, () => {
    const fee = random.pick(fees);
    const firm = random.pick(firms);
    const minimumFen = random.int(5, 200) * 1000;
    const maximumFen = minimumFen * random.int(2, 4);
    const requestedFen = random.chance(0.6)
      ? minimumFen + random.int(1, (maximumFen - minimumFen) / 1000) * 1000
      : minimumFen;
    const requestedOn = workingDayBetween(random, calendar, `${year}-01-04`, `${year}-12-15`);
    const decidedOn = calendar.addWorkingDays(requestedOn, random.int(0, 2));
    return {
      departmentId: fee.departmentId,
      enterpriseName: firm.name,
      enterpriseCreditCode: firm.creditCode,
      feeItem: fee.name.replace(/征收$/, ''),
      legalBasis: `${fee.name}依据及收费标准文件（鲁价费发）`,
      minimumFen,
      maximumFen,
      requestedFen,
      requestedOn,
      requestedAt: during(random, requestedOn),
      decidedOn,
    };
  });
  return sortedBy(drafts, (draft) => draft.requestedAt.toISOString()).map((draft, index) => {
    const noticeNo = `SF${year}-${String(index + 1).padStart(3, '0')}`;
    return {
      ...draft,
      id: stableId('fee-permit', noticeNo),
      status: FeePermitStatus.ISSUED,
      noticeNo,
      issuedFen: issuedAmount(draft),
      requestedBy: HISTORY_ACTOR,
      decidedBy: HISTORY_ACTOR,
      refusalReason: null,
    };
  });
}

/**
 * The supervision records of the default hall, as plain rows built without a database: the
 * same rows on every run. The 20 social supervisors always; with `history`, the gazette's
 * complaints of 2010 and 2011, inspection requests and fee permits.
 */
export function buildSupervisionSeed(
  options: { history: boolean },
  catalog: CatalogSeedPlan = buildCatalogSeed(),
): SupervisionSeedPlan {
  const random = new SeededRandom(SUPERVISION_SEED);
  const calendar = new WorkingCalendar(catalog.calendar);
  const firms = enterprises(random, 80);

  const supervisors: Row<SocialSupervisor>[] = firms
    .slice(0, GAZETTE.socialSupervisors)
    .map((firm, index) => ({
      id: stableId('social-supervisor', String(index + 1)),
      name: personName(random),
      enterpriseName: firm.name,
      phone: mobile(random),
      appointedOn: SUPERVISORS_APPOINTED_ON,
      active: true,
      dismissedOn: null,
    }));
  if (!options.history) return { supervisors, complaints: [], inspections: [], feePermits: [] };

  return {
    supervisors,
    complaints: [
      ...complaintsOf(2010, GAZETTE.complaints[2010], catalog, calendar, random),
      ...complaintsOf(2011, GAZETTE.complaints[2011], catalog, calendar, random),
    ],
    inspections: [
      ...inspectionsOf(
        2010,
        GAZETTE.inspectionsReviewed2010,
        0.94,
        catalog,
        calendar,
        firms,
        random,
      ),
      ...inspectionsOf(2011, GAZETTE.inspectionNotices2011, 1, catalog, calendar, firms, random),
    ],
    feePermits: feePermitsOf(2011, GAZETTE.feePermitNotices2011, catalog, calendar, firms, random),
  };
}
