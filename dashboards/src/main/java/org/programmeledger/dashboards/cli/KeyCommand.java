package org.programmeledger.dashboards.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.programmeledger.ledger.sealing.SigningKey;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The ledger's signing key (docs/sealing.md): where it is and its public half, to hand to auditors and witnesses. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "The ledger's signing key.",
        subcommands = KeyCommand.Show.class)
class KeyCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints the public key (base64 of its X.509 encoding), its id and the key file's path.")
    static class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Mixin
        StoreOption store;

        @Override
        public Integer call() {
            try (ConfigurableApplicationContext application = store.open("/api/audit/digest")) {
                SigningKey key = application.getBean(SigningKey.class);
                PrintWriter out = spec.commandLine().getOut();
                out.println("key id:     " + key.keyId());
                out.println("public key: " + key.publicKeyText());
                out.println("key file:   " + Paths.display(key.file()));
                out.flush();
            }
            return 0;
        }
    }
}
