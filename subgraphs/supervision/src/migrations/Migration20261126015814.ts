import { eventCursorTableSql } from '@hall/kit';
import { Migration } from '@mikro-orm/migrations';

export class Migration20261126015814 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "supervision";`);
    // The cursors of the logs supervision follows (the cases subgraph's); its own outbox
    // comes with the complaints.
    for (const statement of eventCursorTableSql('supervision')) this.addSql(statement);
    this.addSql(
      `create table "supervision"."alert_light" ("id" uuid not null, "subject_type" text check ("subject_type" in ('CASE', 'JOINT_PROJECT', 'COMPLAINT')) not null, "subject_id" uuid not null, "department_id" uuid not null, "level" text check ("level" in ('YELLOW', 'RED')) not null, "status" text check ("status" in ('ON', 'ACKNOWLEDGED', 'APPEALED', 'RESOLVED', 'REVOKED', 'OFF')) not null, "rule" text check ("rule" in ('DEADLINE_NEAR', 'PROMISED_LIMIT_PASSED', 'STATUTORY_LIMIT_PASSED', 'STEP_OVER_LIMIT', 'SUPPLEMENT_NOTICE_LATE', 'DENIAL_WITHOUT_REASON', 'FEE_IRREGULAR', 'COMPLAINT_OVERDUE', 'MANUAL')) not null, "cause" text not null, "escalated" boolean not null default false, "raised_at" timestamptz not null, "ended_at" timestamptz null, "version" int not null default 1, constraint "alert_light_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "alert_light_subject_type_subject_id_index" on "supervision"."alert_light" ("subject_type", "subject_id");`,
    );
    this.addSql(
      `create index "alert_light_department_id_status_index" on "supervision"."alert_light" ("department_id", "status");`,
    );

    this.addSql(
      `create table "supervision"."light_appeal" ("id" uuid not null, "light_id" uuid not null, "kind" text check ("kind" in ('REVOKE', 'RETURN', 'ESCALATE')) not null, "reason" text not null, "filed_by" varchar(64) not null, "filed_at" timestamptz not null, "decision" text check ("decision" in ('UPHELD', 'REJECTED')) null, "decided_by" varchar(64) null, "decided_at" timestamptz null, "note" text null, constraint "light_appeal_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "light_appeal_light_id_index" on "supervision"."light_appeal" ("light_id");`,
    );

    this.addSql(
      `create table "supervision"."light_entry" ("id" uuid not null, "light_id" uuid not null, "action" text check ("action" in ('RAISED', 'ROSE', 'CAUSE_ADDED', 'ACKNOWLEDGED', 'APPEALED', 'APPEAL_UPHELD', 'APPEAL_REJECTED', 'ESCALATED', 'RESOLVED', 'WENT_OFF')) not null, "rule" text check ("rule" in ('DEADLINE_NEAR', 'PROMISED_LIMIT_PASSED', 'STATUTORY_LIMIT_PASSED', 'STEP_OVER_LIMIT', 'SUPPLEMENT_NOTICE_LATE', 'DENIAL_WITHOUT_REASON', 'FEE_IRREGULAR', 'COMPLAINT_OVERDUE', 'MANUAL')) null, "level" text check ("level" in ('YELLOW', 'RED')) not null, "at" timestamptz not null, "actor" varchar(64) not null, "note" text null, constraint "light_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "light_entry_light_id_index" on "supervision"."light_entry" ("light_id");`,
    );

    this.addSql(
      `create table "supervision"."light_notice" ("id" uuid not null, "light_id" uuid not null, "recipient_role" varchar(32) not null, "department_id" uuid null, "at" timestamptz not null, "message" text not null, constraint "light_notice_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "light_notice_light_id_index" on "supervision"."light_notice" ("light_id");`,
    );
    this.addSql(
      `create index "light_notice_recipient_role_department_id_index" on "supervision"."light_notice" ("recipient_role", "department_id");`,
    );

    this.addSql(
      `create table "supervision"."light_timer" ("subject_type" varchar(16) not null, "subject_id" uuid not null, "at" timestamptz not null, constraint "light_timer_pkey" primary key ("subject_type", "subject_id"));`,
    );
    this.addSql(`create index "light_timer_at_index" on "supervision"."light_timer" ("at");`);

    this.addSql(
      `create table "supervision"."rule_setting" ("rule" varchar(32) not null, "enabled" boolean not null, "exempt_immediate" boolean not null, "level" text check ("level" in ('YELLOW', 'RED')) not null, "thresholds" jsonb not null, "updated_at" timestamptz not null, constraint "rule_setting_pkey" primary key ("rule"));`,
    );

    this.addSql(
      `create table "supervision"."watched_case" ("case_id" uuid not null, "serial_no" varchar(32) not null, "department_id" uuid not null, "matter_id" uuid not null, "matter_kind" varchar(16) not null, "joint_project_id" uuid null, "status" varchar(24) not null, "received_on" date not null, "clock_started_on" date null, "decided_on" date null, "promised_limit_days" smallint not null, "statutory_limit_days" smallint not null, "extension_days" smallint not null, "stops" jsonb not null, "updated_at" timestamptz not null, constraint "watched_case_pkey" primary key ("case_id"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "supervision"."alert_light" cascade;`);

    this.addSql(`drop table if exists "supervision"."light_appeal" cascade;`);

    this.addSql(`drop table if exists "supervision"."light_entry" cascade;`);

    this.addSql(`drop table if exists "supervision"."light_notice" cascade;`);

    this.addSql(`drop table if exists "supervision"."light_timer" cascade;`);

    this.addSql(`drop table if exists "supervision"."rule_setting" cascade;`);

    this.addSql(`drop table if exists "supervision"."watched_case" cascade;`);

    this.addSql(`drop table if exists "supervision"."event_cursor" cascade;`);
    this.addSql(`drop schema if exists "supervision";`);
  }
}
