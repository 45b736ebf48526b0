import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Department } from '../department/department.entity';
import { Floor } from '../floor/floor.entity';
import { Organization } from '../organization/organization.entity';

export enum WindowKind {
  UNIFIED_ACCEPTANCE = 'UNIFIED_ACCEPTANCE',
  DEPARTMENT = 'DEPARTMENT',
  COMPREHENSIVE = 'COMPREHENSIVE',
  SERVICE_DESK = 'SERVICE_DESK',
  INTERMEDIARY_AGENCY = 'INTERMEDIARY_AGENCY',
  BANK = 'BANK',
  BUSINESS_CENTER = 'BUSINESS_CENTER',
}
registerEnumType(WindowKind, {
  name: 'WindowKind',
  valuesConfig: {
    UNIFIED_ACCEPTANCE: { description: '统一受理平台: first registration of every case.' },
    DEPARTMENT: { description: 'A department’s own window.' },
    COMPREHENSIVE: { description: '综合窗口: the service bureau acting for proxied departments.' },
    SERVICE_DESK: { description: 'Consultation, complaints, licence delivery (service bureau).' },
    INTERMEDIARY_AGENCY: { description: 'An intermediary agency’s window.' },
    BANK: { description: 'A bank’s counter.' },
    BUSINESS_CENTER: { description: 'The business center.' },
  },
});

@ObjectType({ description: 'A service window of the hall (窗口).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'window' })
export class Window {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'The number over the window, e.g. 2F-031.' })
  @Property({ length: 16, unique: true })
  code!: string;

  @Field({ description: 'The sign over the window, e.g. 国土局 3号窗.' })
  @Property({ length: 100 })
  label!: string;

  @Field(() => WindowKind)
  @Index()
  @Enum({ items: () => WindowKind })
  kind!: WindowKind;

  @Index()
  @ManyToOne(() => Floor, { mapToPk: true, fieldName: 'floor_number' })
  floorNumber!: number;

  /** Set for DEPARTMENT windows. */
  @Index()
  @ManyToOne(() => Department, { mapToPk: true, fieldName: 'department_id', nullable: true })
  departmentId?: string | null;

  /** Set for agency, bank and business center windows. */
  @ManyToOne(() => Organization, { mapToPk: true, fieldName: 'organization_id', nullable: true })
  organizationId?: string | null;

  @Field({ description: 'Open after hours and at weekends by appointment (延时服务).' })
  @Property()
  extendedHours!: boolean;

  @Field({ description: 'False for windows taken out of service.' })
  @Property()
  active!: boolean;
}
