package org.programmeledger.dashboards.console;

import java.nio.file.Path;

/** How the command line shows paths. */
public final class Paths {

    private Paths() {
    }

    /** Relative to the working folder when the path lies inside it, so it can be pasted back. */
    public static String display(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path workingFolder = Path.of("").toAbsolutePath();
        return absolute.startsWith(workingFolder) ? workingFolder.relativize(absolute).toString() : absolute.toString();
    }
}
