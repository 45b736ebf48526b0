import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../department/department.entity';
import { Organization } from '../organization/organization.entity';
import { Window } from '../window/window.entity';

export enum StaffPosition {
  CHIEF_REPRESENTATIVE = 'CHIEF_REPRESENTATIVE',
  WINDOW_CLERK = 'WINDOW_CLERK',
  ACCEPTANCE_CLERK = 'ACCEPTANCE_CLERK',
  PROXY_CLERK = 'PROXY_CLERK',
  SERVICE_DESK_CLERK = 'SERVICE_DESK_CLERK',
  SUPERVISION_OFFICER = 'SUPERVISION_OFFICER',
  BUREAU_OFFICER = 'BUREAU_OFFICER',
  PARTNER_CLERK = 'PARTNER_CLERK',
}
registerEnumType(StaffPosition, {
  name: 'StaffPosition',
  valuesConfig: {
    CHIEF_REPRESENTATIVE: { description: '首席代表: a department’s lead in the hall.' },
    WINDOW_CLERK: { description: 'A department’s window clerk.' },
    ACCEPTANCE_CLERK: { description: 'Unified acceptance registration (统一受理).' },
    PROXY_CLERK: { description: 'Comprehensive window clerk, acting for proxied departments.' },
    SERVICE_DESK_CLERK: { description: 'Consultation, complaints or delivery desk.' },
    SUPERVISION_OFFICER: { description: 'Electronic supervision (电子监察) staff.' },
    BUREAU_OFFICER: { description: 'Service bureau office staff on floor 3.' },
    PARTNER_CLERK: { description: 'Staff of a stationed agency, bank or business center.' },
  },
});

/** Who employs a staff member: a department, the service bureau or a stationed organisation. */
export enum StaffEmployer {
  DEPARTMENT = 'DEPARTMENT',
  SERVICE_BUREAU = 'SERVICE_BUREAU',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(StaffEmployer, { name: 'StaffEmployer' });

@ObjectType({ description: 'A person working in the hall.' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'staff' })
export class Staff {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Staff number on the badge, e.g. HY0042.' })
  @Property({ length: 16, unique: true })
  staffNo!: string;

  @Field()
  @Index()
  @Property({ length: 40 })
  name!: string;

  @Field(() => StaffPosition)
  @Enum({ items: () => StaffPosition })
  position!: StaffPosition;

  @Field(() => StaffEmployer)
  @Enum({ items: () => StaffEmployer })
  employer!: StaffEmployer;

  @Index()
  @ManyToOne(() => Department, { mapToPk: true, fieldName: 'department_id', nullable: true })
  departmentId?: string | null;

  @ManyToOne(() => Organization, { mapToPk: true, fieldName: 'organization_id', nullable: true })
  organizationId?: string | null;

  /** The window the person usually sits at; none for office staff. */
  @Index()
  @ManyToOne(() => Window, { mapToPk: true, fieldName: 'window_id', nullable: true })
  windowId?: string | null;

  @Field()
  @Property()
  active!: boolean;
}
