package org.programmeledger.ledger.organisation;

import static org.programmeledger.ledger.service.Answers.resource;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.programmeledger.ledger.api.RegisterOrganisation;
import org.programmeledger.ledger.api.Side;
import org.programmeledger.ledger.service.Answers;
import org.programmeledger.ledger.web.Coded;
import org.programmeledger.ledger.web.CommandSender;
import org.programmeledger.ledger.web.Fields;
import org.programmeledger.ledger.web.LedgerId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrganisationController {

    private final CommandSender sender;

    OrganisationController(CommandSender sender) {
        this.sender = sender;
    }

    /** @param side guangdong, hong-kong, macao, mainland or other */
    record NewOrganisation(@NotNull @LedgerId String organisationId, @NotBlank @Size(max = 1000) String name,
                           @Size(max = 255) String abbreviation, @Coded(Side.class) @NotBlank String side) {
    }

    @Operation(summary = "Register an organisation")
    @PostMapping("/api/organisations")
    ResponseEntity<String> register(@Valid @RequestBody NewOrganisation body,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        Fields fields = new Fields();
        Side side = fields.code("side", body.side(), Side::fromCode);
        fields.check();
        return sender.send(new RegisterOrganisation(body.organisationId(), body.name(), body.abbreviation(), side),
                null, key,
                version -> Answers.created(resource("/api/organisations", body.organisationId()), version));
    }
}
