import { ComplaintStatus, Satisfaction } from '../complaint/complaint.entity';
import { checkCreditCode } from '../inspection/enterprise.rules';
import { buildSupervisionSeed } from './supervision-seed';

describe('the supervision seed', () => {
  const plan = buildSupervisionSeed({ history: true });

  it('is the same on every run', () => {
    expect(buildSupervisionSeed({ history: true })).toEqual(plan);
  });

  it('reproduces the gazette’s figures', () => {
    const byYear = (year: string) => plan.complaints.filter((c) => c.receivedOn.startsWith(year));
    expect(byYear('2010')).toHaveLength(15);
    expect(byYear('2011')).toHaveLength(13);
    expect(plan.complaints.every((c) => c.status === ComplaintStatus.CLOSED)).toBe(true);
    expect(plan.complaints.every((c) => c.satisfaction !== Satisfaction.DISSATISFIED)).toBe(true);
    expect(plan.complaints.every((c) => c.acceptedOn! <= c.acceptBy)).toBe(true);
    expect(plan.complaints.every((c) => c.answeredOn! <= c.answerBy!)).toBe(true);
    expect(plan.inspections.filter((i) => i.decidedOn!.startsWith('2010'))).toHaveLength(257);
    expect(plan.inspections.filter((i) => i.noticeNo?.startsWith('JC2011-'))).toHaveLength(5);
    expect(plan.feePermits).toHaveLength(106);
    expect(plan.feePermits.every((p) => p.issuedFen === p.minimumFen)).toBe(true);
    expect(plan.feePermits.every((p) => p.requestedFen <= p.maximumFen)).toBe(true);
    expect(plan.supervisors).toHaveLength(20);
  });

  it('gives enterprises valid credit codes', () => {
    for (const row of [...plan.inspections, ...plan.feePermits]) {
      expect(checkCreditCode(row.enterpriseCreditCode, 'code')).toBe(row.enterpriseCreditCode);
    }
  });

  it('seeds only the supervisors without history', () => {
    const bare = buildSupervisionSeed({ history: false });
    expect(bare.supervisors).toEqual(plan.supervisors);
    expect(bare.complaints).toEqual([]);
  });
});
