package org.programmeledger.dashboards.report;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A figure's number as its quoted source writes it ("6.98 million", "1 268", "170 000"), so the report says
 * what the source said rather than "6980000". Only a number in the source equal to the recorded value counts:
 * a corrected value, or a number the source writes in words, is written in digits.
 */
final class StatedNumber {

    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\d.,])(\\d{1,3}(?:[ ,]\\d{3})+|\\d+(?:\\.\\d+)?)( (million|billion|thousand))?(?![\\d])");

    private StatedNumber() {
    }

    static Optional<String> in(String source, BigDecimal value) {
        if (source == null || value == null) {
            return Optional.empty();
        }
        Matcher number = NUMBER.matcher(source);
        while (number.find()) {
            BigDecimal read = new BigDecimal(number.group(1).replace(" ", "").replace(",", ""));
            if (number.group(3) != null) {
                read = read.multiply(switch (number.group(3)) {
                    case "thousand" -> BigDecimal.valueOf(1_000);
                    case "million" -> BigDecimal.valueOf(1_000_000);
                    default -> BigDecimal.valueOf(1_000_000_000);
                });
            }
            if (read.compareTo(value) == 0) {
                return Optional.of(number.group().strip());
            }
        }
        return Optional.empty();
    }
}
