package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of the command line run in a JVM of its own, as bin/ledger runs it (main, the quick compiler), with the
 * classes that JVM loaded: "at once" is checked as class loading shows it, not by a clock, which a loaded machine
 * would make flaky.
 */
record QuickAnswer(int exitCode, String output, String classesLoaded) {

    private static final String APPLICATION_CLASS = " org.springframework.boot.SpringApplication ";
    private static final String H2_DRIVER = " org.h2.Driver ";

    static QuickAnswer run(Path home, String... arguments) throws IOException, InterruptedException {
        Path classLog = Files.createTempFile(home, "classes", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-Xlog:class+load=info:file=" + classLog, "-Dledger.home=" + home,
                "-cp", System.getProperty("java.class.path"), LedgerCli.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exitCode = process.waitFor();
        String classesLoaded = Files.readString(classLog);
        assertThat(classesLoaded).as("the JVM's class loading log").contains(" " + LedgerCli.class.getName() + " ");
        return new QuickAnswer(exitCode, output, classesLoaded);
    }

    boolean startedTheApplication() {
        return classesLoaded.contains(APPLICATION_CLASS);
    }

    boolean openedTheStore() {
        return classesLoaded.contains(H2_DRIVER);
    }

    /** Refused in one line with exit code 2, starting with {@code message}, without starting the application. */
    void assertQuickRefusal(String message) {
        assertThat(exitCode).as(output).isEqualTo(2);
        assertThat(output).startsWith(message);
        assertThat(output.strip()).as("one line, no stack trace").doesNotContain("\n");
        assertThat(startedTheApplication()).as("the application started").isFalse();
    }
}
