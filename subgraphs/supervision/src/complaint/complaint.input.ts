import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType } from 'type-graphql';
import { ComplaintChannel, ComplaintStatus, ComplaintSubject } from './complaint.entity';

@InputType({ description: 'A complaint as received by phone, web, letter or in person.' })
export class RegisterComplaintInput {
  @Field(() => ComplaintChannel)
  channel!: ComplaintChannel;

  @Field(() => ComplaintSubject)
  subjectType!: ComplaintSubject;

  @Field(() => ID, {
    description: 'The department, window, staff member or case; for DEPARTMENT, departmentId.',
  })
  subjectId!: string;

  @Field(() => ID, { description: 'The department concerned (for every kind of subject).' })
  departmentId!: string;

  @Field()
  complainantName!: string;

  @Field(() => String, { nullable: true, description: 'Required unless the channel is LETTER.' })
  complainantPhone?: string | null;

  @Field()
  content!: string;
}

@InputType({ description: 'Which complaints to list; all conditions must hold.' })
export class ComplaintFilter {
  @Field(() => [ComplaintStatus], { nullable: true })
  statuses?: ComplaintStatus[] | null;

  @Field(() => ID, { nullable: true })
  departmentId?: string | null;

  @Field(() => ComplaintChannel, { nullable: true })
  channel?: ComplaintChannel | null;

  @Field(() => ComplaintSubject, { nullable: true })
  subjectType?: ComplaintSubject | null;

  @Field(() => LocalDateResolver, { nullable: true })
  receivedFrom?: string | null;

  @Field(() => LocalDateResolver, { nullable: true })
  receivedTo?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only complaints past the deadline they run against today (acceptBy, answerBy).',
  })
  overdue?: boolean | null;
}
