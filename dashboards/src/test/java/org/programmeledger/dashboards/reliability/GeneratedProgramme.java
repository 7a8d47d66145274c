package org.programmeledger.dashboards.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A programme of the import format generated from a seed-free formula, as large as a test needs: the same
 * arguments always give the same bytes. Its activities are spread over ten items, every kind of mode and
 * the months of 2020 to mid-2022, all within its one plan period.
 */
final class GeneratedProgramme {

    static final String PERIOD = "gen-2020-mid-2022";
    static final int ITEMS = 10;
    static final String ACTIVITIES_FILE = "05-activities.csv";
    private static final String[] KINDS = {"course", "seminar", "forum", "training", "meeting", "expo"};
    private static final String[] MODES = {"online", "offline", "both", "unstated"};

    private GeneratedProgramme() {
    }

    /** Writes the programme, its organisations, plan period and items, and {@code activities} activities. */
    static List<Path> write(Path folder, int activities) throws IOException {
        Files.createDirectories(folder);
        StringBuilder items = new StringBuilder("period_id,item,title,area,new_in_period,lead_organisations,"
                + "participating_organisations,source\r\n");
        for (int item = 1; item <= ITEMS; item++) {
            items.append(PERIOD).append(',').append(item).append(",Generated item ").append(item)
                    .append(",area ").append(item % 3).append(",no,gen-gd,gen-hk,generated\r\n");
        }
        return List.of(
                write(folder, "01-programmes.csv", "programme_id,name,source\r\ngen,A generated programme,generated\r\n"),
                write(folder, "02-organisations.csv", "organisation_id,name,abbreviation,side,source\r\n"
                        + "gen-gd,A Guangdong office,GDO,guangdong,generated\r\n"
                        + "gen-hk,A Hong Kong office,HKO,hong-kong,generated\r\n"),
                write(folder, "03-plan-periods.csv", "period_id,programme_id,label,starts_on,ends_on,source\r\n"
                        + PERIOD + ",gen,2020 - mid-2022,2020-01-01,2022-06-30,generated\r\n"),
                write(folder, "04-items.csv", items.toString()),
                write(folder, ACTIVITIES_FILE, activities(activities)));
    }

    static String activities(int count) {
        StringBuilder csv = new StringBuilder("period_id,activity_id,item,kind,title,organisers,supporters,mode,date,"
                + "source\r\n");
        for (int n = 0; n < count; n++) {
            csv.append(activity(n));
        }
        return csv.toString();
    }

    static String activity(int n) {
        int month = n % 30;
        return PERIOD + ",g." + n + "," + (n % ITEMS + 1) + "," + KINDS[n % KINDS.length] + ",Generated activity "
                + n + "," + (n % 2 == 0 ? "gen-gd" : "gen-hk;gen-gd") + "," + (n % 5 == 0 ? "gen-hk" : "") + ","
                + MODES[n % MODES.length] + "," + (2020 + month / 12) + "-" + String.format("%02d", month % 12 + 1)
                + ",generated line " + n + "\r\n";
    }

    /** Activity {@code n} as the JSON body of {@code POST /api/plan-periods/{period}/activities}. */
    static String activityJson(int n) {
        String[] cells = activity(n).trim().split(",", -1);
        return "{\"activityId\": \"" + cells[1] + "\", \"item\": " + cells[2] + ", \"kind\": \"" + cells[3]
                + "\", \"title\": \"" + cells[4] + "\", \"organisers\": [\"" + cells[5].replace(";", "\", \"")
                + "\"], \"mode\": \"" + cells[7] + "\", \"date\": \"" + cells[8] + "\", \"source\": \"" + cells[9]
                + "\"}";
    }

    /** The participants of activity {@code n}, {@code n % 500 + 1} of them, for the figures endpoint. */
    static String figureJson(int n) {
        String[] cells = activity(n).trim().split(",", -1);
        return "{\"figureId\": \"" + cells[1] + ".1\", \"item\": " + cells[2] + ", \"activityId\": \"" + cells[1]
                + "\", \"metric\": \"participants\", \"value\": " + (n % 500 + 1) + ", \"unit\": \"persons\", "
                + "\"qualifier\": \"exactly\", \"side\": \"joint\", \"extent\": \"" + cells[8] + "\", "
                + "\"basis\": \"flow\", \"source\": \"" + cells[9] + "\"}";
    }

    private static Path write(Path folder, String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
    }
}
