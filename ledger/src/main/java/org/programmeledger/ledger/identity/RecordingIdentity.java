package org.programmeledger.ledger.identity;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.programmeledger.ledger.store.RecordingMetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Stamps every command with who sent it (the signed-in user and role, unless the sender named them,
 * as the local command line does) and the server's recording time. Axon registers it on the command gateway.
 */
@Component
class RecordingIdentity implements MessageDispatchInterceptor<CommandMessage<?>> {

    private static final String ROLE_PREFIX = "ROLE_";

    private final Clock clock;

    RecordingIdentity(Clock clock) {
        this.clock = clock;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> added = new HashMap<>();
            added.put(RecordingMetaData.RECORDED_AT, clock.instant().toString());
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (!command.getMetaData().containsKey(RecordingMetaData.USER) && signedIn != null
                    && signedIn.isAuthenticated()) {
                added.put(RecordingMetaData.USER, signedIn.getName());
                signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                        .filter(authority -> authority.startsWith(ROLE_PREFIX)).findFirst()
                        .ifPresent(role -> added.put(RecordingMetaData.ROLE, role.substring(ROLE_PREFIX.length())));
            }
            return command.andMetaData(added);
        };
    }
}
