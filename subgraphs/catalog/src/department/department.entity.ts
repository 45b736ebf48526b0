import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Floor } from '../floor/floor.entity';

/**
 * How a department is present in the hall: with its own staff at its own windows, or with
 * its matters only, handled by proxy at the service bureau's comprehensive window
 * (只进事项、不进人员).
 */
export enum DepartmentPresence {
  STAFFED = 'STAFFED',
  PROXIED = 'PROXIED',
}
registerEnumType(DepartmentPresence, {
  name: 'DepartmentPresence',
  valuesConfig: {
    STAFFED: { description: 'Own staff at own windows (人员进驻).' },
    PROXIED: { description: 'Matters only, handled at the comprehensive window (只进事项).' },
  },
});

@ObjectType({ description: 'A government department with matters in the hall (部门).' })
@Directive('@key(fields: "id")')
@Entity({ tableName: 'department' })
export class Department {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field({ description: 'Short stable code, e.g. D07.' })
  @Property({ length: 16, unique: true })
  code!: string;

  // In the partner contract: a bank sees which department decides a case, by name.
  @Directive('@tag(name: "partner")')
  @Field({ description: 'Full name, e.g. 海阳市国土资源局.' })
  @Index()
  @Property({ length: 100 })
  name!: string;

  @Field({ description: 'The name on window signs, e.g. 国土局.' })
  @Property({ length: 40 })
  shortName!: string;

  @Field({ description: 'English name.' })
  @Property({ length: 150 })
  nameEn!: string;

  @Field(() => DepartmentPresence)
  @Enum({ items: () => DepartmentPresence })
  presence!: DepartmentPresence;

  /** The floor its windows (or, for proxied departments, the comprehensive window) are on. */
  @ManyToOne(() => Floor, { mapToPk: true, fieldName: 'floor_number' })
  floorNumber!: number;

  @Field(() => Int, { description: 'Display order on boards and in lists.' })
  @Property({ type: 'smallint' })
  sortOrder!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}
