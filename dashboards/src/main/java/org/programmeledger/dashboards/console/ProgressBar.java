package org.programmeledger.dashboards.console;

import java.io.PrintWriter;

/** A one-line progress bar, drawn only on a terminal; elsewhere progress stays silent. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private int lastDrawn = -1;

    public ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public void show(String label, int done, int total) {
        if (!terminal || total == 0) {
            return;
        }
        int filled = (int) ((long) done * WIDTH / total);
        if (filled == lastDrawn && done != total) {
            return;
        }
        lastDrawn = filled;
        out.print("\r  " + String.format("%-26s", label) + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled)
                + "] " + done + "/" + total);
        out.flush();
    }

    /** Clears the bar so that the next line starts clean. */
    public void clear() {
        if (terminal && lastDrawn >= 0) {
            out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
            out.flush();
        }
        lastDrawn = -1;
    }
}
