package org.programmeledger.dashboards.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.programmeledger.ledger.web.Http;

/**
 * The application jar run as its users run it, {@code java -jar programme-ledger-exec.jar COMMAND}, in a process
 * of its own that a test can kill with SIGKILL. Failsafe runs after the jar is packaged. Its output goes
 * to a log file that the test reads while it runs.
 */
final class LedgerProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "programme-ledger-exec.jar").toAbsolutePath();
    private static final Pattern SERVES = Pattern.compile("serves (http://localhost:\\d+)");

    private final Process process;
    private final Path log;

    private LedgerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * The java command for the jar, with the project folder {@code home} and extra JVM options; with the compiler
     * bin/ledger chooses (the quick one alone for every command but serve, which starts in less CPU time).
     */
    static List<String> command(Path home, List<String> jvmOptions, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dledger.home=" + home));
        if (arguments.length == 0 || !arguments[0].equals("serve")) {
            command.add("-XX:TieredStopAtLevel=1");
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    static LedgerProcess start(Path home, String logName, List<String> jvmOptions, String... arguments)
            throws IOException {
        return start(command(home, jvmOptions, arguments), home.resolve(logName));
    }

    static LedgerProcess start(List<String> command, Path log) throws IOException {
        assertThat(JAR).as("the application jar (mvn package)").isRegularFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new LedgerProcess(process, log);
    }

    /** Writes the test users of {@link Http} where every command of the jar reads them. */
    static void writeUsers(Path home) throws IOException {
        StringBuilder yaml = new StringBuilder("ledger:\n  security:\n    users:\n");
        for (int i = 0; i < LedgerServer.USERS.size(); i += 3) {
            yaml.append("      - name: ").append(value(LedgerServer.USERS.get(i))).append('\n')
                    .append("        password-hash: '").append(value(LedgerServer.USERS.get(i + 1))).append("'\n")
                    .append("        role: ").append(value(LedgerServer.USERS.get(i + 2))).append('\n');
        }
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config").resolve("application.yml"), yaml);
    }

    private static String value(String argument) {
        return argument.substring(argument.indexOf('=') + 1);
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the output satisfies {@code condition}, failing if the process ends first. */
    String awaitOutput(String what, Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String output = output();
            if (condition.test(output)) {
                return output;
            }
            assertThat(process.isAlive()).as("the process runs while waiting for %s; it wrote:%n%s", what, output)
                    .isTrue();
            assertThat(System.nanoTime()).as("%s within %s; the process wrote:%n%s", what, timeout, output)
                    .isLessThan(deadline);
            Thread.sleep(25);
        }
    }

    /** The HTTP client of a {@code serve} process, once it serves. */
    Http awaitServing() throws InterruptedException {
        // Minutes, not seconds: on a machine loaded by other builds a start has taken over two.
        Matcher url = SERVES.matcher(awaitOutput("the server to start", text -> SERVES.matcher(text).find(),
                Duration.ofMinutes(5)));
        assertThat(url.find()).isTrue();
        return Http.on(Integer.parseInt(url.group(1).replaceAll(".*:", "")));
    }

    /** Waits for the process to end by itself, and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("the process ends within %s; it wrote:%n%s", timeout, output()).isTrue();
        return process.exitValue();
    }

    /** SIGKILL to the process and to any process it started (a shell's java, for instance). */
    void kill() throws InterruptedException {
        List<ProcessHandle> below = process.descendants().toList();
        below.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        for (ProcessHandle child : below) {
            child.onExit().join();
        }
    }

    /** SIGTERM, as Ctrl-C: the application shuts down in order. */
    void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process stops on SIGTERM").isTrue();
    }

    /** SIGINT, as Ctrl-C in a terminal: the application shuts down in order, whatever it was doing. */
    void interrupt() throws InterruptedException, IOException {
        assertThat(new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor()).isZero();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process stops on SIGINT").isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
