import { eventLogTableSql } from '@hall/kit';
import { Migration } from '@mikro-orm/migrations';

export class Migration20261126010014 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "cases";`);
    // The outbox every change of this subgraph is announced on, and the numbers it hands out.
    for (const statement of eventLogTableSql('cases')) this.addSql(statement);
    this.addSql(`create sequence "cases"."case_serial";`);
    this.addSql(`create sequence "cases"."joint_project_serial";`);
    this.addSql(`create sequence "cases"."appointment_serial";`);
    this.addSql(
      `create table "cases"."applicant" ("id" uuid not null, "kind" text check ("kind" in ('PERSON', 'ENTERPRISE')) not null, "name" varchar(100) not null, "identity_number" varchar(18) not null, "phone" varchar(20) not null, "created_at" timestamptz not null default now(), constraint "applicant_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "applicant_name_index" on "cases"."applicant" ("name");`);
    this.addSql(
      `create index "applicant_identity_number_index" on "cases"."applicant" ("identity_number");`,
    );

    this.addSql(
      `create table "cases"."appointment" ("id" uuid not null, "code" varchar(16) not null, "matter_id" uuid not null, "window_id" uuid not null, "department_id" uuid null, "applicant_id" uuid not null, "hall_date" date not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "extended_hours" boolean not null, "status" text check ("status" in ('BOOKED', 'CHECKED_IN', 'CANCELLED')) not null, "ticket_id" uuid null, constraint "appointment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "cases"."appointment" add constraint "appointment_code_unique" unique ("code");`,
    );
    this.addSql(
      `create index "appointment_window_id_starts_at_index" on "cases"."appointment" ("window_id", "starts_at");`,
    );

    this.addSql(
      `create table "cases"."case" ("id" uuid not null, "serial_no" varchar(32) not null, "matter_id" uuid not null, "department_id" uuid not null, "matter_kind" varchar(16) not null, "promised_limit_days" smallint not null, "statutory_limit_days" smallint not null, "applicant_id" uuid not null, "channel" text check ("channel" in ('WINDOW', 'ONLINE', 'APPOINTMENT', 'PROXY')) not null, "first_contact_window_id" uuid null, "first_contact_staff_id" uuid null, "proxy_agent_staff_id" uuid null, "partner_organization_id" uuid null, "joint_project_id" uuid null, "status" text check ("status" in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'UNDER_REVIEW', 'SPECIAL_PROCEDURE', 'EXTENDED', 'COMPLETED_APPROVED', 'COMPLETED_DENIED', 'DELIVERED', 'WITHDRAWN')) not null, "received_at" timestamptz not null, "received_on" date not null, "accepted_on" date null, "clock_started_on" date null, "supplement_notice_late" boolean not null default false, "missing_materials" text[] not null, "extension_days" smallint not null default 0, "extension_reason" text null, "decided_on" date null, "delivered_on" date null, "due_on" date null, "statutory_due_on" date null, "decided_on_time" boolean null, "working_days_taken" smallint null, "decision_reason" text null, "fee_fen" int not null default 0, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "case_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "cases"."case" add constraint "case_serial_no_unique" unique ("serial_no");`,
    );
    this.addSql(`create index "case_matter_id_index" on "cases"."case" ("matter_id");`);
    this.addSql(`create index "case_applicant_id_index" on "cases"."case" ("applicant_id");`);
    this.addSql(
      `create index "case_partner_organization_id_index" on "cases"."case" ("partner_organization_id");`,
    );
    this.addSql(
      `create index "case_joint_project_id_index" on "cases"."case" ("joint_project_id");`,
    );
    this.addSql(`create index "case_due_on_index" on "cases"."case" ("due_on");`);
    this.addSql(`create index "case_status_due_on_index" on "cases"."case" ("status", "due_on");`);
    this.addSql(
      `create index "case_department_id_received_on_index" on "cases"."case" ("department_id", "received_on");`,
    );

    this.addSql(
      `create table "cases"."case_daily_figure" ("hall_date" date not null, "matter_id" uuid not null, "department_id" uuid not null, "registered" int not null, "accepted" int not null, "completed" int not null, "completed_on_time" int not null, "denied" int not null, "working_days_taken" int not null, constraint "case_daily_figure_pkey" primary key ("hall_date", "matter_id"));`,
    );
    this.addSql(
      `create index "case_daily_figure_department_id_hall_date_index" on "cases"."case_daily_figure" ("department_id", "hall_date");`,
    );

    this.addSql(
      `create table "cases"."case_step" ("id" uuid not null, "case_id" uuid not null, "sequence" smallint not null, "action" text check ("action" in ('REGISTER', 'ACCEPT', 'REFUSE', 'REQUEST_SUPPLEMENT', 'RECEIVE_SUPPLEMENT', 'START_REVIEW', 'START_SPECIAL_PROCEDURE', 'END_SPECIAL_PROCEDURE', 'EXTEND', 'APPROVE', 'DENY', 'DELIVER', 'WITHDRAW')) not null, "from_status" text check ("from_status" in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'UNDER_REVIEW', 'SPECIAL_PROCEDURE', 'EXTENDED', 'COMPLETED_APPROVED', 'COMPLETED_DENIED', 'DELIVERED', 'WITHDRAWN')) null, "to_status" text check ("to_status" in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'UNDER_REVIEW', 'SPECIAL_PROCEDURE', 'EXTENDED', 'COMPLETED_APPROVED', 'COMPLETED_DENIED', 'DELIVERED', 'WITHDRAWN')) not null, "at" timestamptz not null, "hall_date" date not null, "actor" varchar(64) not null, "actor_role" varchar(32) null, "reason" text null, constraint "case_step_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_step_case_id_index" on "cases"."case_step" ("case_id");`);
    this.addSql(
      `alter table "cases"."case_step" add constraint "case_step_case_id_sequence_unique" unique ("case_id", "sequence");`,
    );

    this.addSql(
      `create table "cases"."clock_stop" ("id" uuid not null, "case_id" uuid not null, "kind" text check ("kind" in ('SUPPLEMENT', 'SPECIAL_PROCEDURE')) not null, "procedure" text check ("procedure" in ('HEARING', 'INSPECTION', 'TESTING', 'APPRAISAL', 'EXPERT_REVIEW', 'PUBLIC_NOTICE')) null, "legal_basis" text null, "approver" varchar(64) null, "reason" text null, "started_on" date not null, "started_at" timestamptz not null, "ended_on" date null, "ended_at" timestamptz null, "resume_status" text check ("resume_status" in ('RECEIVED', 'SUPPLEMENT_REQUESTED', 'ACCEPTED', 'NOT_ACCEPTED', 'UNDER_REVIEW', 'SPECIAL_PROCEDURE', 'EXTENDED', 'COMPLETED_APPROVED', 'COMPLETED_DENIED', 'DELIVERED', 'WITHDRAWN')) not null, constraint "clock_stop_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "clock_stop_case_id_index" on "cases"."clock_stop" ("case_id");`);

    this.addSql(
      `create table "cases"."joint_project" ("id" uuid not null, "code" varchar(24) not null, "name" varchar(200) not null, "applicant_id" uuid not null, "lead_department_id" uuid not null, "double_key" boolean not null, "proxy_agent_staff_id" uuid null, "status" text check ("status" in ('IN_PROGRESS', 'COMPLETED', 'WITHDRAWN')) not null, "started_on" date not null, "promised_limit_days" smallint not null, "site_survey_on" date null, "signed_off_on" date null, "version" int not null default 1, constraint "joint_project_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "cases"."joint_project" add constraint "joint_project_code_unique" unique ("code");`,
    );

    this.addSql(
      `create table "cases"."queue_ticket" ("id" uuid not null, "hall_date" date not null, "number" varchar(8) not null, "department_id" uuid null, "matter_id" uuid null, "priority" boolean not null, "appointment_id" uuid null, "status" text check ("status" in ('WAITING', 'CALLED', 'SERVING', 'FINISHED', 'NO_SHOW')) not null, "window_id" uuid null, "taken_at" timestamptz not null, "called_at" timestamptz null, "served_at" timestamptz null, "finished_at" timestamptz null, constraint "queue_ticket_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "queue_ticket_hall_date_status_index" on "cases"."queue_ticket" ("hall_date", "status");`,
    );
    this.addSql(
      `alter table "cases"."queue_ticket" add constraint "queue_ticket_hall_date_number_unique" unique ("hall_date", "number");`,
    );

    this.addSql(
      `create table "cases"."window_session" ("id" uuid not null, "window_id" uuid not null, "hall_date" date not null, "opened_at" timestamptz not null, "closed_at" timestamptz null, constraint "window_session_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "window_session_hall_date_window_id_index" on "cases"."window_session" ("hall_date", "window_id");`,
    );

    this.addSql(
      `alter table "cases"."case" add constraint "case_applicant_id_foreign" foreign key ("applicant_id") references "cases"."applicant" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "cases"."case_step" add constraint "case_step_case_id_foreign" foreign key ("case_id") references "cases"."case" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "cases"."clock_stop" add constraint "clock_stop_case_id_foreign" foreign key ("case_id") references "cases"."case" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "cases"."joint_project" add constraint "joint_project_applicant_id_foreign" foreign key ("applicant_id") references "cases"."applicant" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "cases"."case" drop constraint "case_applicant_id_foreign";`);

    this.addSql(
      `alter table "cases"."joint_project" drop constraint "joint_project_applicant_id_foreign";`,
    );

    this.addSql(`alter table "cases"."case_step" drop constraint "case_step_case_id_foreign";`);

    this.addSql(`alter table "cases"."clock_stop" drop constraint "clock_stop_case_id_foreign";`);

    this.addSql(`drop table if exists "cases"."applicant" cascade;`);

    this.addSql(`drop table if exists "cases"."appointment" cascade;`);

    this.addSql(`drop table if exists "cases"."case" cascade;`);

    this.addSql(`drop table if exists "cases"."case_daily_figure" cascade;`);

    this.addSql(`drop table if exists "cases"."case_step" cascade;`);

    this.addSql(`drop table if exists "cases"."clock_stop" cascade;`);

    this.addSql(`drop table if exists "cases"."joint_project" cascade;`);

    this.addSql(`drop table if exists "cases"."queue_ticket" cascade;`);

    this.addSql(`drop table if exists "cases"."window_session" cascade;`);

    this.addSql(`drop table if exists "cases"."event_log" cascade;`);
    this.addSql(`drop sequence if exists "cases"."case_serial";`);
    this.addSql(`drop sequence if exists "cases"."joint_project_serial";`);
    this.addSql(`drop sequence if exists "cases"."appointment_serial";`);
    this.addSql(`drop schema if exists "cases";`);
  }
}
