package org.sanlian.casefile.party;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.sanlian.casefile.CaseFiles;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{caseNumber}/parties")
@Tag(name = "cases", description = "案件")
class CasePartyController {

    public record PartiesView(List<CaseParties.PartyView> parties, List<CaseParties.VehicleView> vehicles) {
    }

    private final CaseFiles caseFiles;
    private final CaseParties caseParties;

    public CasePartyController(CaseFiles caseFiles, CaseParties caseParties) {
        this.caseFiles = caseFiles;
        this.caseParties = caseParties;
    }

    @GetMapping
    @Operation(summary = "案件的当事人和车辆")
    public PartiesView get(@PathVariable String caseNumber, Authentication user) {
        caseFiles.visibleByNumber(caseNumber, user);
        return new PartiesView(caseParties.parties(caseNumber), caseParties.vehicles(caseNumber));
    }
}
