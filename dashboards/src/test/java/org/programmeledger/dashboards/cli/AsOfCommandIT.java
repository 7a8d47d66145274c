package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 'as-of' prints a plan period's own facts (figures of no item) under the period, after its items. */
class AsOfCommandIT {

    @TempDir
    Path temp;

    @Test
    void printsTheFactsOfThePlanPeriodItselfAfterItsItems() throws Exception {
        Path history = Files.createDirectories(temp.resolve("history"));
        Files.writeString(history.resolve("00-metrics.csv"), """
                metric_id,label,units,aggregation,chartable,description,source
                participants,Participants,persons,sum,yes,people taking part,the test's catalogue
                """);
        Files.writeString(history.resolve("01-programmes.csv"), "programme_id,name,source\nprg,Programme,s\n");
        Files.writeString(history.resolve("02-organisations.csv"),
                "organisation_id,name,abbreviation,side,source\norg-a,Org A,,guangdong,s\n");
        Files.writeString(history.resolve("03-plan-periods.csv"),
                "period_id,programme_id,label,starts_on,ends_on,source\npp,prg,2021,2021-01-01,2021-12-31,s\n");
        Files.writeString(history.resolve("04-items.csv"), """
                period_id,item,title,area,new_in_period,lead_organisations,participating_organisations,source
                pp,1,Item one,area,no,org-a,,s
                """);
        Files.writeString(history.resolve("06-figures.csv"), """
                period_id,figure_id,item,activity_id,metric,value,unit,qualifier,side,extent,basis,source
                pp,i1,1,,participants,40,persons,exactly,joint,2021,flow,the item's
                pp,T1,,,participants,1000,persons,about,joint,2021,flow,a fact of the plan period
                """);
        Path store = temp.resolve("store");
        Cli imported = Cli.run("import", "--store", store.toString(), history.toString());
        assertThat(imported.exitCode()).as(imported.output()).isZero();

        Cli asOf = Cli.run("as-of", "--store", store.toString(), "2999-12-31");

        assertThat(asOf.exitCode()).as(asOf.output()).isZero();
        assertThat(asOf.output()).contains("""
                pp (2021): 1 items, 0 activities, 2 figures
                  item 1 [REGISTERED] Item one
                      i1 participants: 40 persons
                  the plan period itself
                      T1 participants: about 1000 persons
                """);
    }
}
