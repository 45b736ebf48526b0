import {
  badUserInput,
  checkPageArgs,
  connectionOf,
  daysBetween,
  entityReference,
  loadOrFail,
  PageArgs,
  parseId,
  scopedDepartment,
  startOfHallDate,
  addDays,
  toConnection,
  type EntityReference,
} from '@hall/kit';
import type { FilterQuery } from '@mikro-orm/core';
import { LocalDateResolver } from 'graphql-scalars';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Directive,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { SupervisionContext } from '../context';
import { Appeal } from './appeal.entity';
import {
  acknowledge,
  changeLight,
  checkLightScope,
  decideAppeal,
  escalate,
  fileAppeal,
  raiseByHand,
  resolve,
} from './light.actions';
import { LightEntry } from './light-entry.entity';
import { LightNotice } from './light-notice.entity';
import { AlertLight, LightLevel, LightSubject, LIT_STATUSES, RuleCode } from './light.entity';
import { loadRules } from './light-watch';
import { DEFAULT_RULES } from './light.rules';
import { RuleSetting } from './rule-setting.entity';
import {
  AlertLightFilter,
  AppealDecisionInput,
  AppealInput,
  LightCounts,
  LightFigures,
  RuleSettingInput,
  RuleSettingView,
} from './light.types';

export const AlertLightConnection = connectionOf(AlertLight);

const Case = entityReference('Case', 'supervision');
const Department = entityReference('Department', 'supervision');

/** Who reads lights: the bureau, leaders, supervision, departments (their own). */
const LIGHT_READERS = [
  'SERVICE_BUREAU_ADMIN',
  'CITY_LEADER',
  'SUPERVISION_STAFF',
  'DEPARTMENT_STAFF',
] as const;
const SUPERVISORS = ['SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF'] as const;

@Resolver(() => AlertLight)
export class AlertLightResolver {
  @Authorized(...LIGHT_READERS)
  @Query(() => AlertLightConnection, {
    description:
      'Alert lights, newest first; lit ones unless filter.lit is false. Department staff see their own department’s.',
  })
  async alertLights(
    @Args() page: PageArgs,
    @Arg('filter', () => AlertLightFilter, { nullable: true }) filter: AlertLightFilter | null,
    @Ctx() { em, caller }: SupervisionContext,
  ) {
    const where: FilterQuery<AlertLight> = {
      status: filter?.lit === false ? { $nin: [...LIT_STATUSES] } : { $in: [...LIT_STATUSES] },
    };
    if (filter?.level) where.level = filter.level;
    if (filter?.subjectType) where.subjectType = filter.subjectType;
    if (filter?.escalated != null) where.escalated = filter.escalated;
    if (filter?.departmentId)
      where.departmentId = parseId(filter.departmentId, 'filter.departmentId');
    const scope = scopedDepartment(caller);
    if (scope !== undefined) where.departmentId = scope;
    const cursor = await em.findByCursor(AlertLight, where, {
      ...checkPageArgs(page),
      orderBy: { raisedAt: 'desc', id: 'desc' },
    });
    return toConnection(cursor);
  }

  @Authorized(...LIGHT_READERS)
  @Query(() => AlertLight)
  async alertLight(
    @Arg('id', () => ID) id: string,
    @Ctx() { loaders, caller }: SupervisionContext,
  ) {
    const light = await loadOrFail(loaders.lightById, 'AlertLight', id);
    checkLightScope(caller, light.departmentId);
    return light;
  }

  @Query(() => LightCounts, {
    description: 'Lights lit now in the hall (the lobby screen shows these).',
  })
  lightCounts(@Ctx() { loaders }: SupervisionContext) {
    return loaders.lightCounts.load('hall');
  }

  @Authorized(...LIGHT_READERS)
  @Query(() => LightFigures, { description: 'Lights raised and ended over a period.' })
  async lightFigures(
    @Arg('from', () => LocalDateResolver) from: string,
    @Arg('to', () => LocalDateResolver) to: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Ctx() { em }: SupervisionContext,
  ): Promise<LightFigures> {
    if (from > to || daysBetween(from, to) > 366 * 30) {
      throw badUserInput('from..to must be a period of at most 30 years, in order', {
        field: 'to',
      });
    }
    const department = departmentId ? parseId(departmentId, 'departmentId') : null;
    const [row] = await em.execute<Omit<LightFigures, 'from' | 'to'>[]>(
      `select
         count(*) filter (where e.action = 'RAISED' and e.level = 'YELLOW')::int as "raisedYellow",
         count(*) filter (where e.action in ('RAISED', 'ROSE') and e.level = 'RED')::int as "raisedRed",
         count(*) filter (where e.action = 'RESOLVED')::int as "resolved",
         count(*) filter (where e.action = 'WENT_OFF')::int as "wentOff",
         count(*) filter (where e.action = 'APPEAL_UPHELD' and l.status = 'REVOKED')::int as "revoked"
       from supervision.light_entry e join supervision.alert_light l on l.id = e.light_id
       where e.at >= ? and e.at < ? ${department ? 'and l.department_id = ?' : ''}`,
      [startOfHallDate(from), startOfHallDate(addDays(to, 1)), ...(department ? [department] : [])],
    );
    return { from, to, ...row! };
  }

  @Authorized(...LIGHT_READERS)
  @Query(() => [RuleSettingView], {
    description: 'The rules of electronic supervision and their settings.',
  })
  async ruleSettings(@Ctx() { em }: SupervisionContext): Promise<RuleSettingView[]> {
    const rules = await loadRules(em);
    return Object.values(rules).map((config) => ({
      ...config,
      thresholds: Object.entries(config.thresholds).map(([name, value]) => ({ name, value })),
    }));
  }

  @Authorized(...LIGHT_READERS)
  @Query(() => [LightNotice], {
    description: 'Notices of lights meant for the caller’s role, newest first.',
  })
  lightNotices(
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() { em, caller }: SupervisionContext,
  ) {
    if (caller.kind !== 'user') return [];
    checkPageArgs({ first });
    return em.find(
      LightNotice,
      {
        recipientRole: caller.role,
        ...(caller.role === 'DEPARTMENT_STAFF' && { departmentId: caller.departmentId ?? null }),
      },
      { orderBy: { at: 'desc' }, limit: first },
    );
  }

  @FieldResolver(() => Case, { nullable: true, description: 'The case, for a case’s light.' })
  case(@Root() light: AlertLight): EntityReference | null {
    return light.subjectType === LightSubject.CASE ? { id: light.subjectId } : null;
  }

  @FieldResolver(() => ID, { description: 'The case, joint project or complaint it is about.' })
  subjectId(@Root() light: AlertLight) {
    return light.subjectId;
  }

  @FieldResolver(() => Department)
  department(@Root() light: AlertLight): EntityReference {
    return { id: light.departmentId };
  }

  @FieldResolver(() => [LightEntry], { description: 'Its history, oldest first.' })
  history(@Root() light: AlertLight, @Ctx() { loaders }: SupervisionContext) {
    return loaders.entriesByLight.load(light.id);
  }

  @FieldResolver(() => [Appeal])
  appeals(@Root() light: AlertLight, @Ctx() { loaders }: SupervisionContext) {
    return loaders.appealsByLight.load(light.id);
  }

  @Authorized(...SUPERVISORS)
  @Mutation(() => AlertLight, { description: 'Raises a light on a case by hand.' })
  raiseLight(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('level', () => LightLevel) level: LightLevel,
    @Arg('reason') reason: string,
    @Ctx() { em, caller, clock }: SupervisionContext,
  ) {
    return raiseByHand(em, caseId, level, reason, caller, clock.now());
  }

  @Authorized('SERVICE_BUREAU_ADMIN', 'SUPERVISION_STAFF', 'DEPARTMENT_STAFF')
  @Mutation(() => AlertLight, { description: 'The department has seen the light and acts on it.' })
  acknowledgeLight(
    @Arg('id', () => ID) id: string,
    @Ctx() { em, caller, clock }: SupervisionContext,
  ) {
    return changeLight(em, id, caller, clock.now(), acknowledge);
  }

  @Authorized(...SUPERVISORS)
  @Mutation(() => AlertLight, {
    description: 'Supervision closes the light once the department acted.',
  })
  resolveLight(
    @Arg('id', () => ID) id: string,
    @Arg('note') note: string,
    @Ctx() { em, caller, clock }: SupervisionContext,
  ) {
    return changeLight(em, id, caller, clock.now(), resolve(note, clock.now()));
  }

  @Authorized(...SUPERVISORS)
  @Mutation(() => AlertLight, { description: 'Escalates the light to supervised handling (督办).' })
  escalateLight(
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() { em, caller, clock }: SupervisionContext,
  ) {
    return changeLight(em, id, caller, clock.now(), escalate(note, clock.now()));
  }

  @Authorized('SERVICE_BUREAU_ADMIN', 'DEPARTMENT_STAFF')
  @Mutation(() => AlertLight, { description: 'The department appeals the light (申诉).' })
  appealLight(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => AppealInput) input: AppealInput,
    @Ctx() { em, caller, clock }: SupervisionContext,
  ) {
    return changeLight(
      em,
      id,
      caller,
      clock.now(),
      fileAppeal(input.kind, input.reason, caller, clock.now()),
    );
  }

  @Authorized(...SUPERVISORS)
  @Mutation(() => AlertLight, { description: 'Supervision decides the light’s open appeal.' })
  decideAppeal(
    @Arg('lightId', () => ID) lightId: string,
    @Arg('input', () => AppealDecisionInput) input: AppealDecisionInput,
    @Ctx() { em, caller, clock }: SupervisionContext,
  ) {
    return changeLight(
      em,
      lightId,
      caller,
      clock.now(),
      decideAppeal(input.decision, input.note ?? null, caller, clock.now()),
    );
  }

  @Authorized(...SUPERVISORS)
  @Mutation(() => RuleSettingView, {
    description: 'Changes a rule’s switch, level, exemption or thresholds.',
  })
  async updateRuleSetting(
    @Arg('rule', () => RuleCode) rule: RuleCode,
    @Arg('input', () => RuleSettingInput) input: RuleSettingInput,
    @Ctx() { em, clock }: SupervisionContext,
  ): Promise<RuleSettingView> {
    if (rule === RuleCode.MANUAL)
      throw badUserInput('MANUAL is not a rule with settings', { field: 'rule' });
    const current = (await loadRules(em))[rule];
    const thresholds = { ...current.thresholds };
    for (const [index, threshold] of (input.thresholds ?? []).entries()) {
      if (!(threshold.name in DEFAULT_RULES[rule].thresholds)) {
        throw badUserInput(`${rule} has no threshold ${threshold.name}`, {
          field: `input.thresholds[${index}].name`,
        });
      }
      if (!Number.isFinite(threshold.value) || threshold.value < 0) {
        throw badUserInput('a threshold is a number, 0 or more', {
          field: `input.thresholds[${index}].value`,
        });
      }
      thresholds[threshold.name] = threshold.value;
    }
    const next = {
      rule,
      enabled: input.enabled ?? current.enabled,
      exemptImmediate: input.exemptImmediate ?? current.exemptImmediate,
      level: input.level ?? current.level,
      thresholds,
    };
    await em.upsert(RuleSetting, { ...next, updatedAt: clock.now() });
    return {
      ...next,
      thresholds: Object.entries(thresholds).map(([name, value]) => ({ name, value })),
    };
  }
}

@Resolver(() => Case)
export class CaseLightResolver {
  @FieldResolver(() => AlertLight, {
    nullable: true,
    description: 'The case’s light lit now, if any.',
  })
  alertLight(@Root() subject: EntityReference, @Ctx() { loaders }: SupervisionContext) {
    return loaders.litLightByCase.load(subject.id);
  }

  @FieldResolver(() => [AlertLight], { description: 'Every light the case has had, newest first.' })
  alertLights(@Root() subject: EntityReference, @Ctx() { loaders }: SupervisionContext) {
    return loaders.lightsByCase.load(subject.id);
  }
}

/**
 * The hall's day, owned by the cases subgraph; supervision adds the lights lit now, so the
 * lobby screen's one query (and its live subscription) gets both.
 */
@ObjectType('HallToday')
@Directive('@key(fields: "hallDate")')
export class HallTodayLights {
  @Field(() => LocalDateResolver)
  hallDate!: string;
}

@Resolver(() => HallTodayLights)
export class HallTodayLightResolver {
  @FieldResolver(() => LightCounts, { description: 'Lights lit now in the hall.' })
  lightsOn(@Ctx() { loaders }: SupervisionContext) {
    return loaders.lightCounts.load('hall');
  }
}

@Resolver(() => Department)
export class DepartmentLightResolver {
  @FieldResolver(() => LightCounts, { description: 'The department’s lights lit now.' })
  lightsOn(@Root() department: EntityReference, @Ctx() { loaders }: SupervisionContext) {
    return loaders.lightCounts.load(department.id);
  }
}
