package org.programmeledger.ledger.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic history in the import format that a batch must decide exactly as single commands: ids at the edge
 * of what is allowed (255 characters, every allowed punctuation mark), odd dates (leap days, a one-day period,
 * ranges over a year's end, unstated dates), quoted cells with commas, quotes and line breaks (so that lines are
 * not rows), and the rows of three plan periods interleaved in every file. Deterministic for its seed.
 */
final class HostileHistory {

    static final String LONG_ID = "p" + "~._-".repeat(63) + "zz";
    static final List<String> PERIODS = List.of(LONG_ID, "P.2020_~leap", "one-day-2024-02-29");
    private static final List<String> STARTS = List.of("2019-12-31", "2020-01-01", "2024-02-29");
    private static final List<String> ENDS = List.of("2021-01-01", "2020-12-31", "2024-02-29");
    private static final List<String> ORGANISATIONS = List.of("o.1", "O_2", "o~3", "o-4");
    static final List<String> PROGRAMMES = List.of("prog~1", "prog.2");
    private static final int ITEMS = 6;
    private static final int ACTIVITIES_PER_ITEM = 4;

    private HostileHistory() {
    }

    /** Writes the history's files into the folder and returns them, in the order the importer records them. */
    static List<Path> write(Path folder, long seed) {
        Random random = new Random(seed);
        List<Path> files = new ArrayList<>();
        files.add(file(folder, "00-metrics.csv", "metric_id,label,units,aggregation,chartable,description,source",
                List.of("m-1,Participants,persons;people,sum,yes,\"People, \"\"counted\"\"\",s",
                        "m~cum,Passes,persons,cumulative,no,,\"a running\ntotal\"")));
        files.add(file(folder, "01-programmes.csv", "programme_id,name,source",
                PROGRAMMES.stream().map(id -> id + ",\"Programme, " + id + "\",s").toList()));
        files.add(file(folder, "02-organisations.csv", "organisation_id,name,abbreviation,side,source",
                ORGANISATIONS.stream().map(id -> id + ",\"Org, " + id + "\",,macao,s").toList()));
        List<String> periods = new ArrayList<>();
        for (int p = 0; p < PERIODS.size(); p++) {
            periods.add(PERIODS.get(p) + ",prog~1,\"Label \"\"" + p + "\"\"\"," + STARTS.get(p) + "," + ENDS.get(p) + ",s");
        }
        files.add(file(folder, "03-plan-periods.csv", "period_id,programme_id,label,starts_on,ends_on,source", periods));
        List<String> items = new ArrayList<>();
        List<String> activities = new ArrayList<>();
        List<String> figures = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        List<String> adoptions = new ArrayList<>();
        List<String> completions = new ArrayList<>();
        for (int item = 1; item <= ITEMS; item++) {
            for (int p = 0; p < PERIODS.size(); p++) {
                String period = PERIODS.get(p);
                items.add(period + "," + item + ",\"Item " + item + ",\nsecond line\",area," + (item % 2 == 0 ? "yes" : "no")
                        + "," + organisations(random) + "," + organisations(random) + ",s");
                for (int a = 1; a <= ACTIVITIES_PER_ITEM; a++) {
                    String activity = item + "." + a + "~" + period.length();
                    activities.add(period + "," + activity + "," + item + ",seminar,\"T\"\"" + a + "\"\"\","
                            + organisations(random) + ",," + (a % 2 == 0 ? "online" : "unstated") + ","
                            + date(p, random) + ",s");
                    String figure = "f" + activity;
                    figures.add(period + "," + figure + "," + item + "," + activity + ",m-1," + random.nextInt(1000)
                            + ",persons," + (a == 1 ? "more-than" : "exactly") + ",joint," + date(p, random)
                            + ",flow,s,,,,,,,");
                    if (a == 2) {
                        figures.add(period + "," + figure + ".part," + item + "," + activity + ",m-1,0,persons,exactly,"
                                + "guangdong,,flow,\"part, of it\",,," + figure + ",,,,");
                        alternatives.add(period + "," + figure + ",5000.50,about,\"other, source\"");
                        adoptions.add(period + "," + figure + ",1,\"the later \"\"report\"\"\"");
                    }
                }
                figures.add(period + ",cum" + item + "," + item + ",,m~cum,75,persons,exactly,hong-kong,2004/"
                        + ENDS.get(p).substring(0, 7) + ",cumulative,s,,since 2004,,,,,");
                completions.add(period + "," + item + ",s");
            }
        }
        files.add(file(folder, "04-items.csv", "period_id,item,title,area,new_in_period,lead_organisations,"
                + "participating_organisations,source", items));
        files.add(file(folder, "05-activities.csv", "period_id,activity_id,item,kind,title,organisers,supporters,"
                + "mode,date,source", activities));
        files.add(file(folder, "06-figures.csv", "period_id,figure_id,item,activity_id,metric,value,unit,qualifier,"
                + "side,extent,basis,source,value_high,date_label,part_of,source_document,source_date,"
                + "source_location,source_link", figures));
        files.add(file(folder, "07-alternative-values.csv", "period_id,figure_id,value,qualifier,source",
                alternatives));
        files.add(file(folder, "08-adoptions.csv", "period_id,figure_id,value_number,reason", adoptions));
        files.add(file(folder, "09-item-completions.csv", "period_id,item,source", completions));
        files.addAll(programmeFacts(folder));
        return files;
    }

    /** Facts of the two programmes themselves, their rows interleaved: dated, undated, part of another. */
    private static List<Path> programmeFacts(Path folder) {
        List<String> facts = new ArrayList<>();
        List<String> alternatives = new ArrayList<>();
        List<String> adoptions = new ArrayList<>();
        List<String> extents = List.of("2004", "", "2019-12/2020-01", "2024-02-29");
        for (int fact = 1; fact <= extents.size(); fact++) {
            for (String programme : PROGRAMMES) {
                facts.add(programme + ",pf" + fact + ",m-1," + (fact == 1 ? 100 : 40) + ",persons,exactly,macao,"
                        + extents.get(fact - 1) + ",flow,\"a fact, quoted\"," + (fact == 2 ? "the 14th meeting" : "")
                        + "," + (fact == 2 ? "pf1" : ""));
            }
        }
        for (String programme : PROGRAMMES) {
            alternatives.add(programme + ",pf1,120,about,other source");
            adoptions.add(programme + ",pf1,1,\"newer, and \"\"checked\"\"\"");
        }
        return List.of(
                file(folder, "10-programme-figures.csv", "programme_id,figure_id,metric,value,unit,qualifier,side,"
                        + "extent,basis,source,date_label,part_of", facts),
                file(folder, "11-programme-alternative-values.csv", "programme_id,figure_id,value,qualifier,source",
                        alternatives),
                file(folder, "12-programme-adoptions.csv", "programme_id,figure_id,value_number,reason", adoptions));
    }

    private static String organisations(Random random) {
        return String.join(";", ORGANISATIONS.subList(0, random.nextInt(ORGANISATIONS.size() + 1)));
    }

    /** A date inside the period: a day, a month, a year, a range, or none. */
    private static String date(int period, Random random) {
        String start = STARTS.get(period);
        String end = ENDS.get(period);
        return switch (random.nextInt(5)) {
            case 0 -> start;
            case 1 -> end;
            case 2 -> start + "/" + end;
            case 3 -> period == 2 ? "2024-02-29" : "2020-02-29";
            default -> "";
        };
    }

    private static Path file(Path folder, String name, String header, List<String> rows) {
        try {
            return Files.writeString(folder.resolve(name), header + "\r\n" + String.join("\r\n", rows) + "\r\n",
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
