import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum StaffGradeLevel {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  PASS = 'PASS',
  FAIL = 'FAIL',
}
registerEnumType(StaffGradeLevel, {
  name: 'StaffGradeLevel',
  valuesConfig: {
    EXCELLENT: { description: '优秀: score ≥ 90.' },
    GOOD: { description: '良好: score ≥ 80.' },
    PASS: { description: '合格: score ≥ 60.' },
    FAIL: { description: '不合格: score < 60.' },
  },
});

/**
 * A window staff member's grade for a quarter (季度考核), computed once when the quarter's
 * report is published and kept as published.
 */
@ObjectType({ description: 'A window staff member’s quarterly grade (季度考核).' })
@Entity({ tableName: 'staff_grade' })
export class StaffGrade {
  @Field({ description: 'The quarter, e.g. 2026Q4.' })
  @PrimaryKey({ type: 'string', length: 6 })
  quarter!: string;

  @PrimaryKey({ type: 'uuid' })
  staffId!: string;

  @Property({ type: 'uuid' })
  departmentId!: string;

  @Field(() => Int, { description: 'Ratings counted (rated or defaulted, not voided).' })
  @Property({ type: 'int' })
  ratings!: number;

  @Field(() => Float, { description: 'Satisfied share of the ratings, 0..1 (1 without ratings).' })
  @Property({ type: 'double' })
  satisfactionRate!: number;

  @Field(() => Float, { description: 'On-time share of the department’s finished cases, 0..1.' })
  @Property({ type: 'double' })
  onTimeRate!: number;

  @Field(() => Int, { description: 'Lights raised or risen on the department in the quarter.' })
  @Property({ type: 'int' })
  lights!: number;

  @Field(() => Int, { description: 'Complaints received about the department in the quarter.' })
  @Property({ type: 'int' })
  complaints!: number;

  @Field(() => Float, { description: 'The weighted score, 0..100.' })
  @Property({ type: 'double' })
  score!: number;

  @Field(() => StaffGradeLevel)
  @Enum({ items: () => StaffGradeLevel })
  grade!: StaffGradeLevel;
}

/** The published report of a quarter's grades (季度考核通报), which goes to the city's leaders. */
@ObjectType({ description: 'The published report of a quarter’s staff grades.' })
@Entity({ tableName: 'grade_report' })
export class GradeReport {
  @Field({ description: 'The quarter, e.g. 2026Q4.' })
  @PrimaryKey({ type: 'string', length: 6 })
  quarter!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  publishedAt!: Date;

  @Field()
  @Property({ length: 64 })
  publishedBy!: string;

  @Field(() => Int)
  @Property({ type: 'int' })
  excellent!: number;

  @Field(() => Int)
  @Property({ type: 'int' })
  good!: number;

  @Field(() => Int)
  @Property({ type: 'int' })
  pass!: number;

  @Field(() => Int)
  @Property({ type: 'int' })
  fail!: number;
}
