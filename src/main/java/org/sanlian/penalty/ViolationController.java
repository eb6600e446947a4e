package org.sanlian.penalty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/violations")
@Tag(name = "violations", description = "违法行为目录与法定罚款幅度")
class ViolationController {

    private final ViolationCatalogue catalogue;

    public ViolationController(ViolationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record ViolationView(String code, String name, String sector, String violatedClause, String penaltyClause,
            BigDecimal minFine, BigDecimal maxFine, String penaltyKinds, String rangeNote, String confidence,
            boolean illustrative, String rangeWithBasis, java.time.LocalDate validFrom, java.time.LocalDate validTo) {

        static ViolationView of(Violation v) {
            return new ViolationView(v.getCode(), v.getName(), v.getSector(), v.getViolatedClause(),
                    v.getPenaltyClause(), v.getMinFine(), v.getMaxFine(), v.getPenaltyKinds(), v.getRangeNote(),
                    v.getConfidence(), v.isIllustrative(), v.rangeWithBasis(), v.getValidFrom(), v.getValidTo());
        }
    }

    public record ViolationUpdate(String name, String penaltyClause, BigDecimal minFine, BigDecimal maxFine,
            String penaltyKinds, String rangeNote, boolean illustrative) {
    }

    @GetMapping
    @Operation(summary = "违法行为目录")
    public List<ViolationView> list() {
        return catalogue.all().stream().map(ViolationView::of).toList();
    }

    @GetMapping("/{code}")
    public ViolationView get(@PathVariable String code) {
        return ViolationView.of(catalogue.byCode(code));
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    @Operation(summary = "更正一条违法行为的处罚依据或幅度（管理员）")
    public ViolationView update(@PathVariable String code, @RequestBody ViolationUpdate input) {
        return ViolationView.of(catalogue.update(code, input.name(), input.penaltyClause(), input.minFine(),
                input.maxFine(), input.penaltyKinds(), input.rangeNote(), input.illustrative()));
    }
}
