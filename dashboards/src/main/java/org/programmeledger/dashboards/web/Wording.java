package org.programmeledger.dashboards.web;

import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.programmeledger.analytics.aggregation.Bound;
import org.programmeledger.dashboards.views.FigureView;
import org.programmeledger.ledger.api.Extent;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and figures as the reader's language says them ({@code ${@wording.date(extent)}} in a template). English
 * reads as the report does; Chinese writes dates 2020年12月 and puts the qualifier in its own words, while a
 * figure's number and unit stay as recorded.
 */
@Component("wording")
public class Wording {

    private final MessageSource messages;

    Wording(MessageSource messages) {
        this.messages = messages;
    }

    /** "December 2020" / "2020年12月"; a range "From April 2021 to May 2021" / "2021年4月至2021年5月". */
    public String date(Extent extent) {
        Locale locale = LocaleContextHolder.getLocale();
        if (english(locale)) {
            return extent.describe();
        }
        return switch (extent.precision()) {
            case DAY -> day(extent.start());
            case MONTH -> month(extent.start());
            case YEAR -> extent.start().getYear() + "年";
            case RANGE -> message("date.range", locale, endpoint(extent, extent.start()), endpoint(extent, extent.end()));
            case UNSTATED -> message("date.unstated", locale);
        };
    }

    /** The figure as the dashboard says it, every value of a dispute none was adopted for. */
    public String said(FigureView figure) {
        Locale locale = LocaleContextHolder.getLocale();
        if (english(locale)) {
            return figure.said();
        }
        return figure.disputedValues().isEmpty() ? stated(figure, figure.bound())
                : message("figure.disputedValues", locale, figure.disputedValues().stream()
                        .map(bound -> phrase(bound, locale))
                        .collect(Collectors.joining(message("figure.or", locale))), figure.unit());
    }

    /** One value with the figure's unit: "more than 250 persons" / "超過 250 persons". */
    public String stated(FigureView figure, Bound bound) {
        return value(bound, figure.unit());
    }

    /** A value with its unit as recorded; the unit is left out when the record names none. */
    public String value(Bound bound, String unit) {
        Locale locale = LocaleContextHolder.getLocale();
        String phrase = english(locale) ? bound.phrase() : phrase(bound, locale);
        return unit == null ? phrase : phrase + " " + unit;
    }

    private String phrase(Bound bound, Locale locale) {
        Bound.Kind kind = bound.kind();
        if (kind == Bound.Kind.BETWEEN && bound.phrase().startsWith("about")) {
            return message("bound.about-between", locale, bound.value().toPlainString(), bound.high().toPlainString());
        }
        return message("bound." + kind.code(), locale, bound.value() == null ? "" : bound.value().toPlainString(),
                bound.high() == null ? "" : bound.high().toPlainString());
    }

    private static String endpoint(Extent extent, LocalDate date) {
        boolean years = extent.start().getDayOfYear() == 1 && extent.end().getDayOfYear() == extent.end().lengthOfYear();
        boolean months = extent.start().getDayOfMonth() == 1
                && extent.end().getDayOfMonth() == extent.end().lengthOfMonth();
        return years ? date.getYear() + "年" : months ? month(date) : day(date);
    }

    private static String month(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月";
    }

    private static String day(LocalDate date) {
        return month(date) + date.getDayOfMonth() + "日";
    }

    private static boolean english(Locale locale) {
        return !"zh".equals(locale.getLanguage());
    }

    private String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }
}
