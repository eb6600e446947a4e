package org.sanlian.penalty;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The violation catalogue and the statutory-range check a proposed fine must pass. */
@Service
@Transactional
public class ViolationCatalogue {

    private final ViolationRepository violations;

    public ViolationCatalogue(ViolationRepository violations) {
        this.violations = violations;
    }

    @Transactional(readOnly = true)
    public List<Violation> all() {
        return violations.findAllByOrderByCode();
    }

    @Transactional(readOnly = true)
    public Violation byCode(String code) {
        return violations.findById(code).orElseThrow(() -> new NotFoundException("violation", code));
    }

    /**
     * A proposed fine outside the statutory range of the provision is refused, naming the range and its basis
     * (行政处罚法 Art. 5: penalties must match the law; domain.md §4.2).
     */
    @Transactional(readOnly = true)
    public Violation checkFine(String field, String code, BigDecimal fine) {
        Optional<Violation> found = code == null ? Optional.empty() : violations.findById(code);
        if (found.isEmpty()) {
            throw new InvalidInputException("violationCode", "须从违法行为目录中选择违法行为");
        }
        Violation violation = found.get();
        if (fine != null && ((violation.getMinFine() != null && fine.compareTo(violation.getMinFine()) < 0)
                || (violation.getMaxFine() != null && fine.compareTo(violation.getMaxFine()) > 0))) {
            throw new InvalidInputException(field, "拟罚款 " + fine.toPlainString() + " 元超出法定幅度："
                    + violation.getName() + "，" + violation.rangeWithBasis());
        }
        return violation;
    }

    public Violation update(String code, String name, String penaltyClause, BigDecimal minFine, BigDecimal maxFine,
            String penaltyKinds, String rangeNote, boolean illustrative) {
        Violation violation = byCode(code);
        if (minFine != null && maxFine != null && minFine.compareTo(maxFine) > 0) {
            throw new InvalidInputException("minFine", "最低罚款不能高于最高罚款");
        }
        if (name == null || name.isBlank() || penaltyClause == null || penaltyClause.isBlank()) {
            throw new InvalidInputException(name == null || name.isBlank() ? "name" : "penaltyClause", "必填");
        }
        violation.update(name, penaltyClause, minFine, maxFine, penaltyKinds == null ? "" : penaltyKinds, rangeNote,
                illustrative);
        return violation;
    }
}
