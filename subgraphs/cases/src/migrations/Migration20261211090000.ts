import { Migration } from '@mikro-orm/migrations';

/**
 * The monthly rollup of case figures, filled from the daily rollup of an existing database in
 * the same migration, so that it holds every day already counted before the first change
 * after the upgrade adds to both.
 */
export class Migration20261211090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cases"."case_monthly_figure" ("month" date not null, "matter_id" uuid not null, "department_id" uuid not null, "registered" int not null, "accepted" int not null, "completed" int not null, "completed_on_time" int not null, "denied" int not null, "working_days_taken" int not null, constraint "case_monthly_figure_pkey" primary key ("month", "matter_id", "department_id"));`,
    );
    this.addSql(
      `create index "case_monthly_figure_department_id_month_index" on "cases"."case_monthly_figure" ("department_id", "month");`,
    );
    this.addSql(
      `insert into "cases"."case_monthly_figure" ("month", "matter_id", "department_id", "registered", "accepted", "completed", "completed_on_time", "denied", "working_days_taken") select date_trunc('month', "hall_date"::timestamp)::date, "matter_id", "department_id", sum("registered"), sum("accepted"), sum("completed"), sum("completed_on_time"), sum("denied"), sum("working_days_taken") from "cases"."case_daily_figure" group by 1, 2, 3;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cases"."case_monthly_figure" cascade;`);
  }
}
