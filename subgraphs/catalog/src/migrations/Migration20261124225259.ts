import { Migration } from '@mikro-orm/migrations';

export class Migration20261124225259 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "catalog";`);
    this.addSql(
      `create table "catalog"."calendar_exception" ("date" date not null, "kind" text check ("kind" in ('HOLIDAY', 'MAKEUP_WORKDAY')) not null, "name" varchar(40) not null, constraint "calendar_exception_pkey" primary key ("date"));`,
    );

    this.addSql(
      `create table "catalog"."floor" ("number" smallint not null, "purpose" varchar(200) not null, "area_sqm" int not null, constraint "floor_pkey" primary key ("number"));`,
    );

    this.addSql(
      `create table "catalog"."department" ("id" uuid not null, "code" varchar(16) not null, "name" varchar(100) not null, "short_name" varchar(40) not null, "name_en" varchar(150) not null, "presence" text check ("presence" in ('STAFFED', 'PROXIED')) not null, "floor_number" smallint not null, "sort_order" smallint not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "department_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog"."department" add constraint "department_code_unique" unique ("code");`,
    );
    this.addSql(`create index "department_name_index" on "catalog"."department" ("name");`);

    this.addSql(
      `create table "catalog"."matter" ("id" uuid not null, "code" varchar(24) not null, "name" varchar(200) not null, "department_id" uuid not null, "kind" text check ("kind" in ('IMMEDIATE', 'PROMISED', 'JOINT', 'REPORTED')) not null, "category" text check ("category" in ('APPROVAL', 'SERVICE', 'FEE')) not null, "statutory_limit_days" smallint not null, "promised_limit_days" smallint not null, "fee_fen" int not null, "fee_standard" text null, "required_materials" text[] not null, "site_survey" boolean not null, "legal_basis" text not null, "status" text check ("status" in ('ACTIVE', 'CANCELLED')) not null, "cancelled_on" date null, "cancellation_reason" text null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "matter_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog"."matter" add constraint "matter_code_unique" unique ("code");`,
    );
    this.addSql(`create index "matter_name_index" on "catalog"."matter" ("name");`);
    this.addSql(
      `create index "matter_department_id_code_index" on "catalog"."matter" ("department_id", "code");`,
    );

    this.addSql(
      `create table "catalog"."organization" ("id" uuid not null, "code" varchar(16) not null, "name" varchar(100) not null, "kind" text check ("kind" in ('INTERMEDIARY_AGENCY', 'BANK', 'BUSINESS_CENTER')) not null, "services" varchar(200) not null, constraint "organization_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog"."organization" add constraint "organization_code_unique" unique ("code");`,
    );

    this.addSql(
      `create table "catalog"."window" ("id" uuid not null, "code" varchar(16) not null, "label" varchar(100) not null, "kind" text check ("kind" in ('UNIFIED_ACCEPTANCE', 'DEPARTMENT', 'COMPREHENSIVE', 'SERVICE_DESK', 'INTERMEDIARY_AGENCY', 'BANK', 'BUSINESS_CENTER')) not null, "floor_number" smallint not null, "department_id" uuid null, "organization_id" uuid null, "extended_hours" boolean not null, "active" boolean not null, constraint "window_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog"."window" add constraint "window_code_unique" unique ("code");`,
    );
    this.addSql(`create index "window_kind_index" on "catalog"."window" ("kind");`);
    this.addSql(`create index "window_floor_number_index" on "catalog"."window" ("floor_number");`);
    this.addSql(
      `create index "window_department_id_index" on "catalog"."window" ("department_id");`,
    );

    this.addSql(
      `create table "catalog"."staff" ("id" uuid not null, "staff_no" varchar(16) not null, "name" varchar(40) not null, "position" text check ("position" in ('CHIEF_REPRESENTATIVE', 'WINDOW_CLERK', 'ACCEPTANCE_CLERK', 'PROXY_CLERK', 'SERVICE_DESK_CLERK', 'SUPERVISION_OFFICER', 'BUREAU_OFFICER', 'PARTNER_CLERK')) not null, "employer" text check ("employer" in ('DEPARTMENT', 'SERVICE_BUREAU', 'ORGANIZATION')) not null, "department_id" uuid null, "organization_id" uuid null, "window_id" uuid null, "active" boolean not null, constraint "staff_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "catalog"."staff" add constraint "staff_staff_no_unique" unique ("staff_no");`,
    );
    this.addSql(`create index "staff_name_index" on "catalog"."staff" ("name");`);
    this.addSql(`create index "staff_department_id_index" on "catalog"."staff" ("department_id");`);
    this.addSql(`create index "staff_window_id_index" on "catalog"."staff" ("window_id");`);

    this.addSql(
      `alter table "catalog"."department" add constraint "department_floor_number_foreign" foreign key ("floor_number") references "catalog"."floor" ("number") on update cascade;`,
    );

    this.addSql(
      `alter table "catalog"."matter" add constraint "matter_department_id_foreign" foreign key ("department_id") references "catalog"."department" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "catalog"."window" add constraint "window_floor_number_foreign" foreign key ("floor_number") references "catalog"."floor" ("number") on update cascade;`,
    );
    this.addSql(
      `alter table "catalog"."window" add constraint "window_department_id_foreign" foreign key ("department_id") references "catalog"."department" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "catalog"."window" add constraint "window_organization_id_foreign" foreign key ("organization_id") references "catalog"."organization" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "catalog"."staff" add constraint "staff_department_id_foreign" foreign key ("department_id") references "catalog"."department" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "catalog"."staff" add constraint "staff_organization_id_foreign" foreign key ("organization_id") references "catalog"."organization" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "catalog"."staff" add constraint "staff_window_id_foreign" foreign key ("window_id") references "catalog"."window" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "catalog"."department" drop constraint "department_floor_number_foreign";`,
    );

    this.addSql(`alter table "catalog"."window" drop constraint "window_floor_number_foreign";`);

    this.addSql(`alter table "catalog"."matter" drop constraint "matter_department_id_foreign";`);

    this.addSql(`alter table "catalog"."window" drop constraint "window_department_id_foreign";`);

    this.addSql(`alter table "catalog"."staff" drop constraint "staff_department_id_foreign";`);

    this.addSql(`alter table "catalog"."window" drop constraint "window_organization_id_foreign";`);

    this.addSql(`alter table "catalog"."staff" drop constraint "staff_organization_id_foreign";`);

    this.addSql(`alter table "catalog"."staff" drop constraint "staff_window_id_foreign";`);

    this.addSql(`drop table if exists "catalog"."calendar_exception" cascade;`);

    this.addSql(`drop table if exists "catalog"."floor" cascade;`);

    this.addSql(`drop table if exists "catalog"."department" cascade;`);

    this.addSql(`drop table if exists "catalog"."matter" cascade;`);

    this.addSql(`drop table if exists "catalog"."organization" cascade;`);

    this.addSql(`drop table if exists "catalog"."window" cascade;`);

    this.addSql(`drop table if exists "catalog"."staff" cascade;`);

    this.addSql(`drop schema if exists "catalog";`);
  }
}
