import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { LightSubject } from './light.entity';

/**
 * The next moment a subject must be looked at again: when its nearest threshold passes.
 * Kept in the database so that a restarted process knows what passed while it was down.
 */
@Entity({ tableName: 'light_timer' })
export class LightTimer {
  @PrimaryKey({ type: 'string', length: 16 })
  subjectType!: LightSubject;

  @PrimaryKey({ type: 'uuid' })
  subjectId!: string;

  @Index()
  @Property({ type: 'timestamptz' })
  at!: Date;
}
