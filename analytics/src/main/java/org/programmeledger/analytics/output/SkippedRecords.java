package org.programmeledger.analytics.output;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.SkipListener;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Remembers every record a step skipped, with the reason, in the step's execution context, where the
 * CSV writer puts them into the provenance file and the command line and HTTP API report them.
 */
public class SkippedRecords implements SkipListener<Object, Object>, StepExecutionListener {

    private static final String KEY = "skipped";

    private StepExecution stepExecution;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
    }

    @Override
    public void onSkipInRead(Throwable t) {
        add("read: " + t.getMessage());
    }

    @Override
    public void onSkipInProcess(Object item, Throwable t) {
        add(item + ": " + t.getMessage());
    }

    @Override
    public void onSkipInWrite(Object item, Throwable t) {
        add(item + ": " + t.getMessage());
    }

    /** The records a step skipped, in the order it met them. */
    @SuppressWarnings("unchecked")
    public static List<String> of(StepExecution stepExecution) {
        Object skipped = stepExecution.getExecutionContext().get(KEY);
        return skipped == null ? List.of() : List.copyOf((List<String>) skipped);
    }

    private void add(String record) {
        List<String> skipped = new ArrayList<>(of(stepExecution));
        skipped.add(record);
        stepExecution.getExecutionContext().put(KEY, skipped);
    }
}
