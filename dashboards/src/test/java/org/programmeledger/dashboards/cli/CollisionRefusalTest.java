package org.programmeledger.dashboards.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A command whose events kept colliding with other nodes' (an import tried as often as it may) says so in one line
 * and asks to be run again; it is no bug, so no trace.
 */
class CollisionRefusalTest {

    @Command(name = "collide")
    static class Colliding implements Runnable {
        @Override
        public void run() {
            throw new ConcurrencyException("An event for aggregate [p1] at sequence [2] was already inserted");
        }
    }

    @Test
    void aCommandThatKeptCollidingSaysSoInOneLineAndExitsWithOne() {
        CommandLine cli = LedgerCli.withCommands(List.<Class<?>>of(Colliding.class));
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("collide");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("ledger collide: other nodes kept recording in the same "
                + "records while this ran (An event for aggregate [p1] at sequence [2] was already inserted); "
                + "nothing of what collided was stored: run the command again");
    }
}
