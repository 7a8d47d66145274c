package org.programmeledger.ledger.programme;

import static org.programmeledger.ledger.web.Answers.resource;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.programmeledger.ledger.api.EstablishProgramme;
import org.programmeledger.ledger.web.Answers;
import org.programmeledger.ledger.web.CommandSender;
import org.programmeledger.ledger.web.LedgerId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ProgrammeController {

    private final CommandSender sender;

    ProgrammeController(CommandSender sender) {
        this.sender = sender;
    }

    record NewProgramme(@NotNull @LedgerId String programmeId, @NotBlank @Size(max = 1000) String name) {
    }

    @Operation(summary = "Establish a programme")
    @PostMapping("/api/programmes")
    ResponseEntity<String> establish(@Valid @RequestBody NewProgramme body,
                                     @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return sender.send(new EstablishProgramme(body.programmeId(), body.name()), null, key,
                version -> Answers.created(resource("/api/programmes", body.programmeId()), version));
    }
}
