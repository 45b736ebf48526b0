import { eventCursorTableSql, eventLogTableSql } from '@hall/kit';
import { Migration } from '@mikro-orm/migrations';

/**
 * Ratings and the finished cases they belong to, rectification tickets, call-backs,
 * supervision's signals, staff grades and their reports, department review rounds.
 */
export class Migration20261126021935 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "evaluation";`);
    // The outbox every change of this subgraph is announced on, and the cursors of the
    // consumers that follow the cases' and supervision's logs.
    for (const statement of eventLogTableSql('evaluation')) this.addSql(statement);
    for (const statement of eventCursorTableSql('evaluation')) this.addSql(statement);
    this.addSql(
      `create table "evaluation"."call_back" ("id" uuid not null, "case_id" uuid not null, "department_id" uuid not null, "reached" boolean not null, "service_quality" text check ("service_quality" in ('GOOD', 'FAIR', 'POOR')) null, "time_taken" text check ("time_taken" in ('FASTER_THAN_PROMISED', 'AS_PROMISED', 'SLOWER_THAN_PROMISED')) null, "integrity_concern" text null, "flagged" boolean not null, "note" text null, "called_at" timestamptz not null, "called_on" date not null, "called_by" varchar(64) not null, constraint "call_back_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "call_back_department_id_called_on_index" on "evaluation"."call_back" ("department_id", "called_on");`,
    );
    this.addSql(`create index "call_back_case_id_index" on "evaluation"."call_back" ("case_id");`);

    this.addSql(
      `create table "evaluation"."finished_case" ("case_id" uuid not null, "serial_no" varchar(32) not null, "department_id" uuid not null, "matter_id" uuid not null, "decided_on" date not null, "on_time" boolean not null, constraint "finished_case_pkey" primary key ("case_id"));`,
    );
    this.addSql(
      `create index "finished_case_department_id_decided_on_index" on "evaluation"."finished_case" ("department_id", "decided_on");`,
    );

    this.addSql(
      `create table "evaluation"."grade_report" ("quarter" varchar(6) not null, "published_at" timestamptz not null, "published_by" varchar(64) not null, "excellent" int not null, "good" int not null, "pass" int not null, "fail" int not null, constraint "grade_report_pkey" primary key ("quarter"));`,
    );

    this.addSql(
      `create table "evaluation"."rating" ("id" uuid not null, "subject" text check ("subject" in ('CASE', 'HALL_VISIT')) not null, "case_id" uuid null, "serial_no" varchar(32) null, "department_id" uuid not null, "window_id" uuid null, "staff_id" uuid null, "status" text check ("status" in ('PENDING', 'RATED', 'DEFAULTED', 'VOIDED')) not null, "level" text check ("level" in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED')) null, "defaulted" boolean not null default false, "channel" text check ("channel" in ('WINDOW_PAD', 'SMS', 'WEB')) null, "satisfaction_score" smallint null, "speed_score" smallint null, "competence_score" smallint null, "attitude_score" smallint null, "comment" text null, "rater_name" varchar(50) null, "rater_phone" varchar(20) null, "opened_at" timestamptz not null, "due_at" timestamptz not null, "rated_at" timestamptz null, "rated_on" date null, "previous_level" text check ("previous_level" in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED')) null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "rating_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "evaluation"."rating" add constraint "rating_case_id_unique" unique ("case_id");`,
    );
    this.addSql(
      `create index "rating_status_due_at_index" on "evaluation"."rating" ("status", "due_at");`,
    );
    this.addSql(
      `create index "rating_window_id_rated_on_index" on "evaluation"."rating" ("window_id", "rated_on");`,
    );
    this.addSql(
      `create index "rating_staff_id_rated_on_index" on "evaluation"."rating" ("staff_id", "rated_on");`,
    );
    this.addSql(
      `create index "rating_department_id_rated_on_index" on "evaluation"."rating" ("department_id", "rated_on");`,
    );

    this.addSql(
      `create table "evaluation"."rectification_ticket" ("id" uuid not null, "rating_id" uuid not null, "department_id" uuid not null, "level" text check ("level" in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED', 'VERY_DISSATISFIED')) not null, "rated_on" date not null, "call_back_by" date not null, "rectify_by" date not null, "status" text check ("status" in ('OPEN', 'CALLED_BACK', 'RECTIFIED', 'VOIDED')) not null, "called_back_on" date null, "call_back_note" text null, "rectified_on" date null, "measures" text null, "appeal_status" text check ("appeal_status" in ('NONE', 'FILED', 'UPHELD', 'DISMISSED')) not null default 'NONE', "appeal_reason" text null, "appeal_decision_note" text null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "rectification_ticket_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "evaluation"."rectification_ticket" add constraint "rectification_ticket_rating_id_unique" unique ("rating_id");`,
    );
    this.addSql(
      `create index "rectification_ticket_department_id_status_index" on "evaluation"."rectification_ticket" ("department_id", "status");`,
    );

    this.addSql(
      `create table "evaluation"."review_panel" ("round_id" uuid not null, "kind" varchar(32) not null, "raters" int not null, "weight" double precision not null, constraint "review_panel_pkey" primary key ("round_id", "kind"));`,
    );

    this.addSql(
      `create table "evaluation"."review_round" ("id" uuid not null, "year" smallint not null, "name" varchar(100) not null, "sittings" smallint not null default 2, "status" text check ("status" in ('OPEN', 'PUBLISHED')) not null, "opened_on" date not null, "published_on" date null, "version" int not null default 1, constraint "review_round_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "evaluation"."review_round" add constraint "review_round_year_unique" unique ("year");`,
    );

    this.addSql(
      `create table "evaluation"."review_score" ("unit_id" uuid not null, "kind" varchar(32) not null, "round_id" uuid not null, "score" double precision not null, constraint "review_score_pkey" primary key ("unit_id", "kind"));`,
    );

    this.addSql(
      `create table "evaluation"."review_unit" ("id" uuid not null, "round_id" uuid not null, "name" varchar(100) null, "department_id" uuid null, constraint "review_unit_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "review_unit_department_id_index" on "evaluation"."review_unit" ("department_id");`,
    );

    this.addSql(
      `create table "evaluation"."staff_grade" ("quarter" varchar(6) not null, "staff_id" uuid not null, "department_id" uuid not null, "ratings" int not null, "satisfaction_rate" double precision not null, "on_time_rate" double precision not null, "lights" int not null, "complaints" int not null, "score" double precision not null, "grade" text check ("grade" in ('EXCELLENT', 'GOOD', 'PASS', 'FAIL')) not null, constraint "staff_grade_pkey" primary key ("quarter", "staff_id"));`,
    );

    this.addSql(
      `create table "evaluation"."supervision_signal" ("position" bigserial primary key, "kind" varchar(16) not null, "department_id" uuid not null, "level" varchar(8) null, "occurred_on" date not null);`,
    );
    this.addSql(
      `create index "supervision_signal_department_id_occurred_on_index" on "evaluation"."supervision_signal" ("department_id", "occurred_on");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "evaluation"."call_back" cascade;`);

    this.addSql(`drop table if exists "evaluation"."finished_case" cascade;`);

    this.addSql(`drop table if exists "evaluation"."grade_report" cascade;`);

    this.addSql(`drop table if exists "evaluation"."rating" cascade;`);

    this.addSql(`drop table if exists "evaluation"."rectification_ticket" cascade;`);

    this.addSql(`drop table if exists "evaluation"."review_panel" cascade;`);

    this.addSql(`drop table if exists "evaluation"."review_round" cascade;`);

    this.addSql(`drop table if exists "evaluation"."review_score" cascade;`);

    this.addSql(`drop table if exists "evaluation"."review_unit" cascade;`);

    this.addSql(`drop table if exists "evaluation"."staff_grade" cascade;`);

    this.addSql(`drop table if exists "evaluation"."supervision_signal" cascade;`);

    this.addSql(`drop table if exists "evaluation"."event_cursor" cascade;`);
    this.addSql(`drop table if exists "evaluation"."event_log" cascade;`);
    this.addSql(`drop schema if exists "evaluation";`);
  }
}
