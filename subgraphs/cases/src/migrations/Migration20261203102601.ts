import { Migration } from '@mikro-orm/migrations';

/**
 * Partner access: the consents applicants give partner banks, and the access log of every
 * partner read. (The generator also proposed dropping `event_log`, which the kit's event log
 * owns outside the entities; that line is left out on purpose.)
 */
export class Migration20261203102601 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cases"."partner_consent" ("id" uuid not null, "applicant_id" uuid not null, "organization_id" uuid not null, "purpose" varchar(100) not null, "starts_on" date not null, "expires_on" date not null, "record_status" text check ("record_status" in ('ACTIVE', 'REVOKED')) not null default 'ACTIVE', "granted_at" timestamptz not null, "granted_by" varchar(100) not null, "revoked_at" timestamptz null, "revoked_by" varchar(100) null, "revoke_reason" text null, constraint "partner_consent_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "partner_consent_applicant_id_index" on "cases"."partner_consent" ("applicant_id");`,
    );
    this.addSql(
      `create index "partner_consent_organization_id_applicant_id_index" on "cases"."partner_consent" ("organization_id", "applicant_id");`,
    );

    this.addSql(
      `create table "cases"."partner_read" ("id" uuid not null, "case_id" uuid not null, "serial_no" varchar(32) not null, "subject" varchar(100) not null, "organization_id" uuid not null, "consent_id" uuid not null, "purpose" varchar(100) not null, "fields" text[] not null, "read_at" timestamptz not null, constraint "partner_read_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "partner_read_read_at_index" on "cases"."partner_read" ("read_at");`);
    this.addSql(
      `create index "partner_read_organization_id_read_at_index" on "cases"."partner_read" ("organization_id", "read_at");`,
    );
    this.addSql(
      `create index "partner_read_case_id_read_at_index" on "cases"."partner_read" ("case_id", "read_at");`,
    );

    this.addSql(
      `alter table "cases"."partner_consent" add constraint "partner_consent_applicant_id_foreign" foreign key ("applicant_id") references "cases"."applicant" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cases"."partner_consent" cascade;`);

    this.addSql(`drop table if exists "cases"."partner_read" cascade;`);
  }
}
