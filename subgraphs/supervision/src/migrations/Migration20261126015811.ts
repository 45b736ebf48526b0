import { eventLogTableSql } from '@hall/kit';
import { Migration } from '@mikro-orm/migrations';

/** Complaints, inspection and fee pre-approvals, social supervisors and their reports. */
export class Migration20261126015811 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "supervision";`);
    // The outbox every change of this subgraph is announced on (the alert lights read it too).
    for (const statement of eventLogTableSql('supervision')) this.addSql(statement);
    this.addSql(
      `create table "supervision"."complaint" ("id" uuid not null, "code" varchar(16) not null, "channel" text check ("channel" in ('PHONE', 'WEB', 'LETTER', 'VISIT')) not null, "subject_type" text check ("subject_type" in ('DEPARTMENT', 'WINDOW', 'STAFF', 'CASE')) not null, "subject_id" uuid not null, "department_id" uuid not null, "complainant_name" varchar(50) not null, "complainant_phone" varchar(20) null, "content" text not null, "received_on" date not null, "received_at" timestamptz not null, "status" text check ("status" in ('RECEIVED', 'ACCEPTED', 'REJECTED', 'ANSWERED', 'CLOSED')) not null, "accept_by" date not null, "answer_by" date null, "accepted_on" date null, "rejected_on" date null, "rejection_reason" text null, "answered_on" date null, "answer" text null, "closed_on" date null, "satisfaction" text check ("satisfaction" in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')) null, "registered_by" varchar(64) not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "complaint_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "supervision"."complaint" add constraint "complaint_code_unique" unique ("code");`,
    );
    this.addSql(
      `create index "complaint_status_accept_by_index" on "supervision"."complaint" ("status", "accept_by");`,
    );
    this.addSql(
      `create index "complaint_department_id_received_on_index" on "supervision"."complaint" ("department_id", "received_on");`,
    );
    this.addSql(
      `create table "supervision"."fee_permit" ("id" uuid not null, "department_id" uuid not null, "enterprise_name" varchar(100) not null, "enterprise_credit_code" varchar(18) not null, "fee_item" varchar(100) not null, "legal_basis" text not null, "minimum_fen" int not null, "maximum_fen" int not null, "requested_fen" int not null, "status" text check ("status" in ('REQUESTED', 'ISSUED', 'REFUSED')) not null, "requested_on" date not null, "requested_at" timestamptz not null, "requested_by" varchar(64) not null, "decided_on" date null, "decided_by" varchar(64) null, "notice_no" varchar(16) null, "issued_fen" int null, "refusal_reason" text null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "fee_permit_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "fee_permit_enterprise_credit_code_index" on "supervision"."fee_permit" ("enterprise_credit_code");`,
    );
    this.addSql(
      `alter table "supervision"."fee_permit" add constraint "fee_permit_notice_no_unique" unique ("notice_no");`,
    );
    this.addSql(
      `create index "fee_permit_status_decided_on_index" on "supervision"."fee_permit" ("status", "decided_on");`,
    );
    this.addSql(
      `create index "fee_permit_department_id_requested_on_index" on "supervision"."fee_permit" ("department_id", "requested_on");`,
    );
    this.addSql(
      `create table "supervision"."inspection_request" ("id" uuid not null, "department_id" uuid not null, "enterprise_name" varchar(100) not null, "enterprise_credit_code" varchar(18) not null, "purpose" text not null, "legal_basis" text not null, "planned_on" date not null, "status" text check ("status" in ('REQUESTED', 'APPROVED', 'REFUSED')) not null, "requested_on" date not null, "requested_at" timestamptz not null, "requested_by" varchar(64) not null, "decided_on" date null, "decided_by" varchar(64) null, "notice_no" varchar(16) null, "refusal_reason" text null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "inspection_request_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "inspection_request_enterprise_credit_code_index" on "supervision"."inspection_request" ("enterprise_credit_code");`,
    );
    this.addSql(
      `alter table "supervision"."inspection_request" add constraint "inspection_request_notice_no_unique" unique ("notice_no");`,
    );
    this.addSql(
      `create index "inspection_request_status_decided_on_index" on "supervision"."inspection_request" ("status", "decided_on");`,
    );
    this.addSql(
      `create index "inspection_request_department_id_requested_on_index" on "supervision"."inspection_request" ("department_id", "requested_on");`,
    );
    this.addSql(
      `create table "supervision"."social_supervisor" ("id" uuid not null, "name" varchar(50) not null, "enterprise_name" varchar(100) not null, "phone" varchar(20) not null, "appointed_on" date not null, "active" boolean not null default true, "dismissed_on" date null, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "social_supervisor_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create table "supervision"."supervisor_report" ("id" uuid not null, "supervisor_id" uuid not null, "subject_type" text check ("subject_type" in ('DEPARTMENT', 'WINDOW', 'STAFF', 'CASE')) not null, "subject_id" uuid not null, "department_id" uuid not null, "content" text not null, "received_on" date not null, "status" text check ("status" in ('RECEIVED', 'HANDLED')) not null, "handled_on" date null, "reply" text null, "recorded_by" varchar(64) not null, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "supervisor_report_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "supervisor_report_supervisor_id_index" on "supervision"."supervisor_report" ("supervisor_id");`,
    );
    this.addSql(
      `create index "supervisor_report_department_id_received_on_index" on "supervision"."supervisor_report" ("department_id", "received_on");`,
    );
    this.addSql(
      `alter table "supervision"."supervisor_report" add constraint "supervisor_report_supervisor_id_foreign" foreign key ("supervisor_id") references "supervision"."social_supervisor" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "supervision"."supervisor_report" drop constraint "supervisor_report_supervisor_id_foreign";`,
    );
    this.addSql(`drop table if exists "supervision"."complaint" cascade;`);
    this.addSql(`drop table if exists "supervision"."fee_permit" cascade;`);
    this.addSql(`drop table if exists "supervision"."inspection_request" cascade;`);
    this.addSql(`drop table if exists "supervision"."social_supervisor" cascade;`);
    this.addSql(`drop table if exists "supervision"."supervisor_report" cascade;`);
    this.addSql(`drop table if exists "supervision"."event_log" cascade;`);
  }
}
