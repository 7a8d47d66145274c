package org.programmeledger.benchmarks.history;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.programmeledger.ledger.api.ActivityKind;
import org.programmeledger.ledger.api.ActivityMode;
import org.programmeledger.ledger.api.Basis;
import org.programmeledger.ledger.api.CompleteItem;
import org.programmeledger.ledger.api.CorrectFigure;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.api.Extent;
import org.programmeledger.ledger.api.OpenPlanPeriod;
import org.programmeledger.ledger.api.Qualifier;
import org.programmeledger.ledger.api.RecordActivity;
import org.programmeledger.ledger.api.RecordFigure;
import org.programmeledger.ledger.api.RegisterItem;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;

/**
 * A ledger history generated from a seed, with the seed report's shapes: programmes with plan periods of
 * two and a half years, each with items, activities (dated by day, month, range or not at all) and
 * figures (flow and cumulative, every qualifier and side), about 2% of figures corrected, and every item
 * completed at the end. Every command is one event, so the history holds as many events as commands.
 * The same seed and size give the same commands, in the same order.
 */
public final class SyntheticHistory {

    /** Organisations every programme draws its leads and organisers from (the seed report names 26). */
    public static final int ORGANISATIONS = 40;
    public static final int PERIODS_PER_PROGRAMME = 4;
    public static final int ITEMS_PER_PERIOD = 20;
    public static final int ACTIVITIES_PER_PERIOD = 60;
    public static final int FIGURES_PER_PERIOD = 120;
    /** Events of one plan period: opening, items, activities, figures, corrections, completions. */
    static final int EVENTS_PER_PERIOD_ABOUT = 1 + ITEMS_PER_PERIOD + ACTIVITIES_PER_PERIOD + FIGURES_PER_PERIOD
            + FIGURES_PER_PERIOD / 50 + ITEMS_PER_PERIOD;

    /** Metrics of the seed report, with their units; the last is cumulative, like the examination passes. */
    static final String[][] METRICS = {
            {"participants", "persons"}, {"valid-applications", "applications"}, {"finalist-awards", "awards"},
            {"cases-handled", "cases"}, {"items-seized", "items"}, {"enquiries-answered", "enquiries"},
            {"residents-passed-examination", "persons"}};
    public static final String CUMULATIVE_METRIC = "residents-passed-examination";
    private static final Side[] SIDES = Side.values();
    private static final ActivityKind[] KINDS = ActivityKind.values();
    private static final ActivityMode[] MODES = ActivityMode.values();

    private final long seed;
    private final int periods;

    private SyntheticHistory(long seed, int periods) {
        this.seed = seed;
        this.periods = periods;
    }

    /** A history of about {@code events} events (never fewer; whole plan periods). */
    public static SyntheticHistory ofAbout(long seed, long events) {
        long periods = Math.max(1, (events - ORGANISATIONS + EVENTS_PER_PERIOD_ABOUT - 1) / EVENTS_PER_PERIOD_ABOUT);
        return new SyntheticHistory(seed, Math.toIntExact(periods));
    }

    public int periods() {
        return periods;
    }

    public int programmes() {
        return (periods + PERIODS_PER_PROGRAMME - 1) / PERIODS_PER_PROGRAMME;
    }

    public static String programmeId(int programme) {
        return "prog-" + programme;
    }

    public static String periodId(int period) {
        return "prog-" + period / PERIODS_PER_PROGRAMME + "-p" + period % PERIODS_PER_PROGRAMME;
    }

    public static String organisationId(int organisation) {
        return "org-" + organisation;
    }

    /** The first and last day of a plan period: two and a half years, the programme's periods one after another. */
    public static LocalDate periodStart(int period) {
        return LocalDate.of(2000, 1, 1).plusMonths(30L * (period % PERIODS_PER_PROGRAMME)).plusYears(period % 7);
    }

    public static LocalDate periodEnd(int period) {
        return periodStart(period).plusMonths(30).minusDays(1);
    }

    /** What the history holds, in the order it must be recorded (later kinds name earlier ones). */
    public void forEachCommand(Consumer<Object> sink) {
        for (int o = 0; o < ORGANISATIONS; o++) {
            sink.accept(new RegisterOrganisation(organisationId(o), "Organisation " + o + " of the synthetic ledger",
                    "O" + o, SIDES[o % 5]));
        }
        for (int p = 0; p < programmes(); p++) {
            sink.accept(new EstablishProgramme(programmeId(p), "Synthetic co-operation programme " + p));
        }
        for (int period = 0; period < periods; period++) {
            new PeriodHistory(period).emit(sink);
        }
    }

    /** Every command as a list; for small histories only. */
    public List<Object> commands() {
        List<Object> commands = new ArrayList<>();
        forEachCommand(commands::add);
        return commands;
    }

    /** A figure recorded on top of the history (for the one-command-per-transaction and HTTP workloads). */
    public RecordFigure extraFigure(String prefix, int n) {
        int period = Math.floorMod(n * 7919, periods);
        SplittableRandom random = new SplittableRandom(seed ^ (31L * n + prefix.hashCode()));
        LocalDate start = periodStart(period);
        YearMonth month = YearMonth.from(start.plusMonths(random.nextInt(30)));
        return new RecordFigure(periodId(period), prefix + "-" + n, 1 + random.nextInt(ITEMS_PER_PERIOD), null,
                "participants", BigDecimal.valueOf(1 + random.nextInt(900)), "persons", Qualifier.EXACTLY,
                SIDES[random.nextInt(SIDES.length)], Extent.month(month), Basis.FLOW,
                "figure " + n + " recorded by the benchmark");
    }

    /** One plan period's commands, from a random stream of its own so that periods do not depend on each other. */
    private final class PeriodHistory {
        private final int period;
        private final String periodId;
        private final LocalDate start;
        private final SplittableRandom random;
        private final int[] activityItems = new int[ACTIVITIES_PER_PERIOD];

        PeriodHistory(int period) {
            this.period = period;
            this.periodId = periodId(period);
            this.start = periodStart(period);
            this.random = new SplittableRandom(seed * 1_000_003L + period);
        }

        void emit(Consumer<Object> sink) {
            sink.accept(new OpenPlanPeriod(periodId, programmeId(period / PERIODS_PER_PROGRAMME),
                    start.getYear() + " - " + periodEnd(period).getYear(), start, periodEnd(period)));
            for (int item = 1; item <= ITEMS_PER_PERIOD; item++) {
                sink.accept(new RegisterItem(periodId, item, "Co-operation item " + item + " of " + periodId,
                        "area " + random.nextInt(8), random.nextInt(5) == 0, organisations(1 + random.nextInt(3)),
                        organisations(random.nextInt(3)), "item " + item + " of the synthetic report"));
            }
            for (int a = 0; a < ACTIVITIES_PER_PERIOD; a++) {
                activityItems[a] = 1 + random.nextInt(ITEMS_PER_PERIOD);
                sink.accept(new RecordActivity(periodId, activityId(a), activityItems[a],
                        KINDS[random.nextInt(KINDS.length)], "Activity " + a + " of " + periodId,
                        organisations(1 + random.nextInt(3)), organisations(random.nextInt(2)),
                        MODES[random.nextInt(MODES.length)], activityDate(), "activity " + a + " as reported"));
            }
            List<RecordFigure> figures = new ArrayList<>();
            for (int f = 0; f < FIGURES_PER_PERIOD; f++) {
                RecordFigure figure = figure(f);
                figures.add(figure);
                sink.accept(figure);
            }
            for (int c = 0; c < FIGURES_PER_PERIOD / 50; c++) {
                RecordFigure figure = figures.get(random.nextInt(figures.size()));
                sink.accept(new CorrectFigure(periodId, figure.figureId(), figure.value().add(BigDecimal.ONE),
                        figure.qualifier(), "the report was misread; the correct value is one more"));
                figures.remove(figure);
            }
            for (int item = 1; item <= ITEMS_PER_PERIOD; item++) {
                sink.accept(new CompleteItem(periodId, item));
            }
        }

        private String activityId(int a) {
            return periodId + "-a" + a;
        }

        private RecordFigure figure(int f) {
            String[] metric = METRICS[random.nextInt(METRICS.length)];
            boolean cumulative = metric[0].equals(CUMULATIVE_METRIC);
            boolean ofActivity = !cumulative && random.nextInt(4) != 0;
            int activity = random.nextInt(ACTIVITIES_PER_PERIOD);
            int item = ofActivity ? activityItems[activity] : 1 + random.nextInt(ITEMS_PER_PERIOD);
            Extent extent = cumulative
                    ? Extent.range(LocalDate.of(1995 + random.nextInt(5), 1, 1), monthWithin().atEndOfMonth())
                    : figureExtent();
            return new RecordFigure(periodId, periodId + "-f" + f, item, ofActivity ? activityId(activity) : null,
                    metric[0], BigDecimal.valueOf(random.nextInt(5000)), metric[1], qualifier(),
                    SIDES[random.nextInt(SIDES.length)], extent, cumulative ? Basis.CUMULATIVE : Basis.FLOW,
                    "figure " + f + " as reported: " + metric[0]);
        }

        /** Mostly exact, as in the seed report, with the other qualifiers in its proportions. */
        private Qualifier qualifier() {
            int draw = random.nextInt(20);
            return draw < 14 ? Qualifier.EXACTLY : draw < 16 ? Qualifier.ABOUT : draw < 17 ? Qualifier.AT_LEAST
                    : Qualifier.MORE_THAN;
        }

        private Extent activityDate() {
            int draw = random.nextInt(10);
            if (draw == 0) {
                return Extent.unstated();
            }
            YearMonth month = monthWithin();
            if (draw < 4) {
                return Extent.day(month.atDay(1 + random.nextInt(28)));
            }
            if (draw < 8 || month.equals(YearMonth.from(periodEnd(period)))) {
                return Extent.month(month);
            }
            return Extent.range(month.atDay(1), month.plusMonths(1).atEndOfMonth());
        }

        private Extent figureExtent() {
            int draw = random.nextInt(10);
            if (draw == 0) {
                return Extent.unstated();
            }
            if (draw == 1) {
                return Extent.year(start.getYear() + 1);
            }
            return Extent.month(monthWithin());
        }

        private YearMonth monthWithin() {
            return YearMonth.from(start.plusMonths(random.nextInt(30)));
        }

        private List<String> organisations(int count) {
            List<String> chosen = new ArrayList<>();
            while (chosen.size() < count) {
                String id = organisationId(random.nextInt(ORGANISATIONS));
                if (!chosen.contains(id)) {
                    chosen.add(id);
                }
            }
            return chosen;
        }
    }
}
