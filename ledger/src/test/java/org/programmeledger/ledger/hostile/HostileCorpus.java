package org.programmeledger.ledger.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Thousands of bad inputs for the command API and the importer, generated from a few valid ones by a fixed
 * recipe (and a fixed random seed), so every run sends the same bytes. Every case is invalid by
 * construction: a test may expect each to be refused and the ledger to stay as it was.
 *
 * <p>The valid inputs name the ledger that {@code HostileInputIT} records first: programme {@code gdhk},
 * organisations {@code hkipd} and {@code gdamr}, plan period {@code gd-2020} (2020-01-01 to 2022-06-30) with
 * items 2 and 3, activity x.1 and its figure x.1.1.
 */
final class HostileCorpus {

    /**
     * One request: what it is, where it goes, its content type and its bytes. A path that the servlet
     * container or Spring Security's firewall refuses before any of the application runs is answered with
     * their own 400, which is no problem document.
     */
    record Case(String name, String path, String contentType, byte[] body, boolean refusedBeforeTheApplication) {

        Case(String name, String path, String contentType, byte[] body) {
            this(name, path, contentType, body, false);
        }

        @Override
        public String toString() {
            return name + " -> " + path;
        }
    }

    static final String PERIOD = "/api/plan-periods/gd-2020";
    private static final String JSON = "application/json";
    private static final String CSV = "text/csv";

    /** Strings that spreadsheets run as formulas, or that look like paths. */
    static final List<String> FORMULAS_AND_PATHS = List.of("=1+2", "@SUM(A1:A9)", "+cmd|' /C calc'!A0", "-2+3",
            "\t=1", "\r=1", "=HYPERLINK(\"http://example.invalid\")", "../../etc/passwd", "..\\..\\windows\\win.ini",
            "/etc/passwd", "%2e%2e%2f");
    /** Not one of the codes of a coded field (kind, mode, side, qualifier, basis), however close. */
    private static final List<String> BAD_CODES = concat(FORMULAS_AND_PATHS, List.of("", "  ", "cours", "course-",
            "\u0441ourse", "on\u0000line", "x".repeat(5000), "null", "0"));
    /** Not a date of the import format, or a date outside the plan period. */
    private static final List<String> BAD_DATES = List.of("2021-13", "2021-02-30", "2021-00", "0000-00-00", "20201",
            "2021/04", "2021-04/", "/2021-04", "2021-04/2021-05/2021-06", "December 2020", "=TODAY()",
            "2021-04-01T10:00", "-2021", "2100", "1999-12", "2021-05/2021-04", "99999-01-01", "\u0662\u0660\u0662\u0661");
    /** Not a figure: negative, not a number, too large or too precise for the ledger. */
    private static final List<String> BAD_NUMBERS = List.of("-1", "-0.01", "\"abc\"", "\"1 268\"", "\"=1+1\"",
            "1e400", "1234567890123456789012345", "123456789012345678901234567890.5", "0.1234567", "null", "\"\"",
            "true", "[]", "{}", "\"NaN\"", "\"-Infinity\"");
    private static final List<String> BAD_WHOLE_NUMBERS = List.of("0", "-1", "2147483648", "\"two\"", "null", "1e3",
            "99999999999999999999", "[]", "\"\"");
    private static final List<String> BAD_TEXTS = List.of("null", "\"\"", "\" \\t \"", "\"" + "x".repeat(5000) + "\"");
    /** Not an identifier: blank, too long, or with a character outside RFC 3986's unreserved ones. */
    private static final List<String> BAD_IDS = List.of("null", "\"\"", "\"  \"", "\"" + "i".repeat(300) + "\"",
            "[]", "{}", "\"x' OR '1'='1\"", "\"a b\"", "\"nul\\u0000\"", "\"2.1#x\"", "\"a/b\"", "\"x?y\"",
            "\"caf\u00e9\"", "\"%41\"", "\"<b>\"", "\"a\\nb\"");
    private static final List<String> BAD_ORGANISATION_LISTS = List.of("[\"nobody\"]", "[\"\"]", "[null]", "\"hkipd\"",
            "[\"hkipd\", \"=1+2\"]", "[\"" + "o".repeat(300) + "\"]", "{}", "[\"../../etc/passwd\"]",
            "[\"hkipd\", \"a b\"]", "[\"x' OR '1'='1\"]");

    private HostileCorpus() {
    }

    /** JSON commands: malformed, truncated, wrongly encoded, or with one bad field each. */
    static List<Case> json() {
        List<Case> cases = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> command : validCommands().entrySet()) {
            String path = command.getKey();
            Map<String, String> fields = command.getValue();
            String valid = render(fields);
            for (int end = 0; end < valid.length(); end += 2) {
                cases.add(new Case("truncated at " + end, path, JSON, utf8(valid.substring(0, end))));
            }
            for (String field : fields.keySet()) {
                for (String bad : badValuesOf(path, field)) {
                    Map<String, String> mutated = new LinkedHashMap<>(fields);
                    mutated.put(field, bad);
                    cases.add(new Case(field + " = " + abbreviate(bad), path, JSON, utf8(render(mutated))));
                }
            }
            String invalid = render(withField(fields, fields.keySet().iterator().next(), "\"\""));
            cases.add(new Case("UTF-16 with a byte-order mark, a blank first field", path, JSON,
                    invalid.getBytes(StandardCharsets.UTF_16)));
            cases.add(new Case("Latin-1 bytes in a string", path, JSON, latin1Inside(valid)));
            cases.add(new Case("a UTF-8 byte-order mark, a blank first field", path, JSON,
                    concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(invalid))));
            cases.add(new Case("an array instead of an object", path, JSON, utf8("[" + valid + "]")));
            cases.add(new Case("two objects", path, JSON, utf8(valid + valid)));
            cases.add(new Case("deeply nested", path, JSON, utf8("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}")));
            cases.add(new Case("a JSON string", path, JSON, utf8("\"" + valid.replace("\"", "\\\"") + "\"")));
            cases.add(new Case("plain text", path, "text/plain", utf8(valid)));
            cases.add(new Case("XML", path, "application/xml", utf8("<activity><id>2.9</id></activity>")));
        }
        Random random = new Random(20261126L);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[1 + random.nextInt(400)];
            random.nextBytes(garbage);
            cases.add(new Case("random bytes " + i, PERIOD + "/activities", JSON, garbage));
        }
        cases.add(new Case("over 64 KiB", PERIOD + "/activities", JSON,
                utf8(render(withField(validCommands().get(PERIOD + "/activities"), "source",
                        "\"" + "s".repeat(70_000) + "\"")))));
        cases.add(new Case("an unknown plan period", "/api/plan-periods/nowhere/activities", JSON,
                utf8(render(validCommands().get(PERIOD + "/activities")))));
        cases.add(new Case("a correction of an unknown figure", PERIOD + "/figures/9.9.9/corrections", JSON,
                utf8("{\"value\": 1, \"qualifier\": \"exactly\", \"reason\": \"r\"}")));
        cases.add(new Case("a retraction of an unknown activity", PERIOD + "/activities/9.9/retraction", JSON,
                utf8("{\"reason\": \"r\"}")));
        for (String segment : List.of("..%2F..%2Fetc", "%2e%2e", "gd-2020%00", "gd-2020;x=1", "%252e%252e")) {
            cases.add(new Case("a period named " + segment, "/api/plan-periods/" + segment + "/activities", JSON,
                    utf8(render(validCommands().get(PERIOD + "/activities"))), true));
        }
        return cases;
    }

    /** Import files: truncated, malformed, wrongly encoded, or with one bad cell each. */
    static List<Case> csv() {
        List<Case> cases = new ArrayList<>();
        String valid = activitiesFile(8, Map.of());
        int headerEnd = valid.indexOf("\r\n") + 2;
        for (int end = 1; end < valid.length(); end++) {
            // A file cut at the end of a row, or between its CR and LF, is a shorter valid file.
            boolean rowEnd = end > headerEnd && (valid.charAt(end) == '\r' || valid.charAt(end - 1) == '\n'
                    || valid.charAt(end) == '\n');
            if (!rowEnd) {
                cases.add(csvCase("truncated at byte " + end, valid.substring(0, end)));
            }
        }
        Map<String, List<String>> badCells = new LinkedHashMap<>();
        badCells.put("period_id", List.of("", "nowhere", "../gd-2020", "=1+2"));
        badCells.put("activity_id", List.of("", "  ", "i".repeat(300), "x.1", "x' OR '1'='1", "a b#1"));
        badCells.put("item", List.of("", "0", "-2", "two", "2.5", "99999999999", "=2", "9"));
        badCells.put("kind", BAD_CODES);
        badCells.put("title", List.of("", "   ", "t".repeat(4001)));
        badCells.put("organisers", List.of("nobody", "hkipd;nobody", "=1+2", "../../etc/passwd",
                "o".repeat(300)));
        badCells.put("supporters", List.of("nobody", "hkipd;nobody", "@SUM(A1)"));
        badCells.put("date", BAD_DATES);
        badCells.put("source", List.of("", "  ", "s".repeat(4001)));
        badCells.put("mode", BAD_CODES);
        for (Map.Entry<String, List<String>> column : badCells.entrySet()) {
            for (String bad : column.getValue()) {
                cases.add(csvCase(column.getKey() + " = " + abbreviate(bad),
                        activitiesFile(8, Map.of(column.getKey(), bad))));
            }
        }
        String figureHeader = "period_id,figure_id,item,activity_id,metric,value,unit,qualifier,side,extent,basis,source";
        List<String> badValues = List.of("", "-1", "-0.5", "1 268", "1,268", "1e5", "1234567890123456789",
                "0.1234567", "NaN", "Infinity", "=1+1", "+5", "0x10", "\u0661\u0662", "12.", ".5", "five");
        for (String value : badValues) {
            cases.add(csvCase("figure value " + abbreviate(value), figureHeader + "\r\n"
                    + "gd-2020,x.1.8,2,x.1,participants," + quoted(value) + ",persons,exactly,joint,2020-12,flow,s\r\n"));
        }
        for (String side : List.of("guangdong-side", "=1", "", "joint-ly")) {
            cases.add(csvCase("figure side " + abbreviate(side), figureHeader + "\r\n"
                    + "gd-2020,x.1.8,2,x.1,participants,5,persons,exactly," + quoted(side) + ",2020-12,flow,s\r\n"));
        }
        cases.add(csvCase("a figure of an activity of another item", figureHeader + "\r\n"
                + "gd-2020,x.3.8,3,x.1,participants,5,persons,exactly,joint,2020-12,flow,s\r\n"));
        String header = valid.substring(0, headerEnd);
        String firstRow = valid.substring(headerEnd, valid.indexOf("\r\n", headerEnd) + 2);
        cases.add(csvCase("an empty file", ""));
        cases.add(csvCase("only a byte-order mark", "\uFEFF"));
        cases.add(csvCase("a header and no rows", header));
        cases.add(csvCase("an unknown header", "name,value\r\nx,1\r\n"));
        cases.add(csvCase("a header with a column twice", header.replace(",mode", ",mode,mode") + firstRow));
        cases.add(csvCase("an unterminated quote", header + "\"" + firstRow));
        cases.add(csvCase("a quoted cell with text after its closing quote", header + firstRow.replace(",Generated",
                ",\"Generated\" course")));
        cases.add(csvCase("a row with a cell too many", header + firstRow.replace("\r\n", ",extra\r\n")));
        cases.add(csvCase("a row with a cell too few", header + firstRow.substring(0, firstRow.lastIndexOf(','))
                + "\r\n"));
        cases.add(csvCase("a NUL byte in a cell", header + firstRow.replace("online", "onl\u0000ine")));
        cases.add(csvCase("semicolons for commas", (header + firstRow).replace(',', ';')));
        cases.add(new Case("UTF-16LE with a byte-order mark", "/api/imports?name=utf16.csv", CSV,
                ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_16LE)));
        cases.add(new Case("UTF-16BE with a byte-order mark", "/api/imports?name=utf16.csv", CSV,
                ("\uFEFF" + valid).getBytes(StandardCharsets.UTF_16BE)));
        cases.add(new Case("UTF-16LE without a byte-order mark", "/api/imports?name=utf16.csv", CSV,
                valid.getBytes(StandardCharsets.UTF_16LE)));
        cases.add(new Case("Latin-1 text", "/api/imports?name=latin1.csv", CSV,
                (header + firstRow.replace("Generated", "G\u00e9n\u00e9r\u00e9")).getBytes(StandardCharsets.ISO_8859_1)));
        cases.add(new Case("a UTF-8 byte-order mark, then a bad row", "/api/imports?name=bom.csv", CSV,
                utf8("\uFEFF" + activitiesFile(8, Map.of("mode", "sometimes")))));
        Random random = new Random(8L);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(2000)];
            random.nextBytes(garbage);
            cases.add(new Case("random bytes " + i, "/api/imports?name=random.csv", CSV, garbage));
        }
        String refused = activitiesFile(8, Map.of("mode", "sometimes"));
        for (String name : List.of("../../etc/passwd", "..", "/", "a/../../b.csv", "%00.csv", "x".repeat(300) + ".csv",
                "CON", "\u202Evsc.exe", "C:\\Windows\\system32\\x.csv", "=1+2.csv", ".hidden.csv", "a b.csv")) {
            cases.add(new Case("a file named " + abbreviate(name), "/api/imports?name="
                    + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8), CSV, utf8(refused)));
        }
        cases.add(new Case("an XML body", "/api/imports?name=x.csv", "application/xml", utf8(valid)));
        return cases;
    }

    /** The importer's own columns in an order that puts a coded cell last, so no cut row is a valid row. */
    private static String activitiesFile(int rows, Map<String, String> badCellOfRowFive) {
        List<String> columns = List.of("source", "period_id", "activity_id", "item", "kind", "title", "organisers",
                "supporters", "date", "mode");
        StringBuilder file = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (int row = 0; row < rows; row++) {
            Map<String, String> cells = new LinkedHashMap<>();
            cells.put("source", "s " + row);
            cells.put("period_id", "gd-2020");
            cells.put("activity_id", "h." + row);
            cells.put("item", "2");
            cells.put("kind", "course");
            cells.put("title", "Generated course " + row);
            cells.put("organisers", row % 2 == 0 ? "hkipd" : "hkipd;gdamr");
            cells.put("supporters", "");
            cells.put("date", "2020-12");
            cells.put("mode", row % 2 == 0 ? "online" : "offline");
            if (row == 5) {
                cells.putAll(badCellOfRowFive);
            }
            List<String> line = new ArrayList<>();
            cells.values().forEach(cell -> line.add(quoted(cell)));
            file.append(String.join(",", line)).append("\r\n");
        }
        return file.toString();
    }

    private static Map<String, Map<String, String>> validCommands() {
        Map<String, Map<String, String>> commands = new LinkedHashMap<>();
        commands.put(PERIOD + "/activities", fields("activityId", "\"2.9\"", "item", "2", "kind", "\"course\"",
                "title", "\"A course\"", "organisers", "[\"hkipd\"]", "supporters", "[]", "mode", "\"online\"",
                "date", "\"2020-12\"", "source", "\"s\""));
        commands.put(PERIOD + "/figures", fields("figureId", "\"2.1.9\"", "item", "2", "activityId", "\"x.1\"",
                "metric", "\"participants\"", "value", "251", "unit", "\"persons\"", "qualifier", "\"more-than\"",
                "side", "\"joint\"", "extent", "\"2020-12\"", "basis", "\"flow\"", "source", "\"s\""));
        commands.put(PERIOD + "/figures/x.1.1/corrections", fields("value", "260", "qualifier", "\"about\"",
                "reason", "\"r\""));
        commands.put(PERIOD + "/items", fields("number", "7", "title", "\"An item\"", "area", "\"talent\"",
                "newInPeriod", "true", "leadOrganisations", "[\"hkipd\"]", "participatingOrganisations", "[]",
                "source", "\"s\""));
        commands.put(PERIOD + "/items/2/amendments", fields("title", "\"Another title\"", "reason", "\"r\""));
        commands.put(PERIOD + "/activities/x.1/retraction", fields("reason", "\"r\""));
        commands.put("/api/organisations", fields("organisationId", "\"neworg\"", "name", "\"A new office\"",
                "abbreviation", "\"NO\"", "side", "\"guangdong\""));
        commands.put("/api/plan-periods", fields("periodId", "\"gd-2023\"", "programmeId", "\"gdhk\"", "label",
                "\"2023\"", "startsOn", "\"2023-01-01\"", "endsOn", "\"2023-12-31\""));
        commands.put("/api/programmes", fields("programmeId", "\"newprog\"", "name", "\"A new programme\""));
        return commands;
    }

    /** Values that make the field bad in this command: malformed, too long, unknown, or taken already. */
    private static List<String> badValuesOf(String path, String field) {
        boolean figure = path.endsWith("/figures");
        return switch (field) {
            case "kind", "mode", "side", "qualifier", "basis" -> BAD_CODES.stream().map(HostileCorpus::jsonString)
                    .toList();
            case "date", "extent" -> BAD_DATES.stream().map(HostileCorpus::jsonString).toList();
            case "value" -> BAD_NUMBERS;
            case "item" -> BAD_WHOLE_NUMBERS;
            case "number" -> List.of("0", "-1", "2147483648", "\"two\"", "null", "[]", "\"\"", "2");
            case "organisers", "supporters", "leadOrganisations", "participatingOrganisations" -> BAD_ORGANISATION_LISTS;
            case "activityId" -> figure
                    ? List.of("\"9.9\"", "\"" + "i".repeat(300) + "\"", "[]", "{}", "\"a b\"", "\"x' OR '1'='1\"")
                    : concat(BAD_IDS, List.of("\"x.1\""));
            case "figureId" -> concat(BAD_IDS, List.of("\"x.1.1\""));
            case "organisationId" -> concat(BAD_IDS, List.of("\"hkipd\""));
            case "periodId" -> concat(BAD_IDS, List.of("\"gd-2020\""));
            case "programmeId" -> concat(BAD_IDS, List.of(path.equals("/api/programmes") ? "\"gdhk\"" : "\"nowhere\""));
            case "startsOn" -> List.of("\"2023-02-30\"", "\"2023-13-01\"", "\"23-01-01\"", "\"\"", "null",
                    "20230101", "\"2024-06-01\"", "\"=TODAY()\"");
            case "endsOn" -> List.of("\"2023-02-30\"", "\"2023-13-01\"", "\"\"", "null", "\"2022-12-31\"");
            case "newInPeriod" -> List.of("\"maybe\"", "[]", "{}");
            case "area", "abbreviation", "label", "metric", "unit" -> List.of("\"" + "x".repeat(5000) + "\"");
            case "title" -> path.endsWith("/amendments") ? List.of("\"" + "x".repeat(5000) + "\"") : BAD_TEXTS;
            default -> BAD_TEXTS;
        };
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static Map<String, String> withField(Map<String, String> fields, String field, String value) {
        Map<String, String> changed = new LinkedHashMap<>(fields);
        changed.put(field, value);
        return changed;
    }

    private static String render(Map<String, String> fields) {
        List<String> members = new ArrayList<>();
        fields.forEach((name, value) -> members.add("\"" + name + "\": " + value));
        return "{" + String.join(", ", members) + "}";
    }

    private static String jsonString(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String quoted(String cell) {
        return cell.matches("[^,\"\r\n]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    private static Case csvCase(String name, String content) {
        return new Case(name, "/api/imports?name=hostile.csv", CSV, utf8(content));
    }

    /** A string value with an e-acute written as one Latin-1 byte, which is not UTF-8. */
    private static byte[] latin1Inside(String json) {
        int value = json.indexOf(": \"") + 3;
        return (json.substring(0, value) + "\u00e9" + json.substring(value)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String text) {
        String shown = text.replaceAll("\\p{Cntrl}", "?");
        return shown.length() > 40 ? shown.substring(0, 40) + "... (" + text.length() + " chars)" : shown;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
