import { Field, ID, InputType } from 'type-graphql';
import { ComplaintSubject } from '../complaint/complaint.entity';

@InputType({ description: 'An enterprise head appointed as a social supervisor, from today.' })
export class AppointSocialSupervisorInput {
  @Field()
  name!: string;

  @Field()
  enterpriseName!: string;

  @Field()
  phone!: string;
}

@InputType({ description: 'What a social supervisor reported.' })
export class RecordSupervisorReportInput {
  @Field(() => ID)
  supervisorId!: string;

  @Field(() => ComplaintSubject)
  subjectType!: ComplaintSubject;

  @Field(() => ID)
  subjectId!: string;

  @Field(() => ID, { description: 'The department concerned (for every kind of subject).' })
  departmentId!: string;

  @Field()
  content!: string;
}
