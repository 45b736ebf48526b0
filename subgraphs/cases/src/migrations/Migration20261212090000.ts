import { Migration } from '@mikro-orm/migrations';

/**
 * The rollup of case figures by month and department, filled from the daily rollup of an
 * existing database in the same migration, so that it holds every day already counted before
 * the first change after the upgrade adds to it.
 */
export class Migration20261212090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "cases"."case_department_monthly_figure" ("month" date not null, "department_id" uuid not null, "registered" int not null, "accepted" int not null, "completed" int not null, "completed_on_time" int not null, "denied" int not null, "working_days_taken" int not null, constraint "case_department_monthly_figure_pkey" primary key ("month", "department_id"));`,
    );
    this.addSql(
      `insert into "cases"."case_department_monthly_figure" ("month", "department_id", "registered", "accepted", "completed", "completed_on_time", "denied", "working_days_taken") select date_trunc('month', "hall_date"::timestamp)::date, "department_id", sum("registered"), sum("accepted"), sum("completed"), sum("completed_on_time"), sum("denied"), sum("working_days_taken") from "cases"."case_daily_figure" group by 1, 2;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cases"."case_department_monthly_figure" cascade;`);
  }
}
