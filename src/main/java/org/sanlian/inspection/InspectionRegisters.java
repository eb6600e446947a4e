package org.sanlian.inspection;

import static org.sanlian.platform.ChinaTime.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The "一单两库" registers: enterprises with vehicles, the inspector pool with conflicts, the item lists. */
@Service
@Transactional
public class InspectionRegisters {

    private final RegulatedEnterpriseRepository enterprises;
    private final EnterpriseVehicleRepository vehicles;
    private final PoolInspectorRepository inspectors;
    private final InspectorConflictRepository conflicts;
    private final InspectionItemRepository items;
    private final InspectionSettings settings;
    private final Clock clock;

    public InspectionRegisters(RegulatedEnterpriseRepository enterprises, EnterpriseVehicleRepository vehicles,
            PoolInspectorRepository inspectors, InspectorConflictRepository conflicts, InspectionItemRepository items,
            InspectionSettings settings, Optional<Clock> clock) {
        this.enterprises = enterprises;
        this.vehicles = vehicles;
        this.inspectors = inspectors;
        this.conflicts = conflicts;
        this.items = items;
        this.settings = settings;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /** An enterprise as an administrator enters it. */
    public record NewEnterprise(String uscc, String name, String areaCode, String marketSegment,
            boolean keyPassengerDangerous, boolean keyCruisingTaxi, boolean keyEnterprise, String riskGrade,
            String creditGrade, String lastInspectedOn) {
    }

    public RegulatedEnterprise addEnterprise(NewEnterprise input) {
        List<FieldViolation> violations = new ArrayList<>();
        String uscc = ChineseIdentifiers.normalise(input.uscc());
        if (!ChineseIdentifiers.isCreditCode(uscc)) {
            violations.add(new FieldViolation("uscc", "统一社会信用代码无效（18 位，校验码按 GB 32100-2015）"));
        } else if (enterprises.existsById(uscc)) {
            violations.add(new FieldViolation("uscc", "该企业已在名录库中"));
        }
        if (input.name() == null || input.name().isBlank() || input.name().length() > 200) {
            violations.add(new FieldViolation("name", "必填，不超过 200 字"));
        }
        if (input.areaCode() == null || !input.areaCode().matches("^\\d{6}$")) {
            violations.add(new FieldViolation("areaCode", "应为 6 位行政区划代码（GB/T 2260）"));
        }
        if (!settings.getMarketSegments().containsKey(input.marketSegment())) {
            violations.add(new FieldViolation("marketSegment", "应为 " + settings.getMarketSegments().keySet() + " 之一"));
        }
        RiskGrade grade = null;
        try {
            grade = RiskGrade.valueOf(String.valueOf(input.riskGrade()));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("riskGrade", "应为 HIGH、MEDIUM 或 LOW"));
        }
        LocalDate last = null;
        if (input.lastInspectedOn() != null && !input.lastInspectedOn().isBlank()) {
            try {
                last = LocalDate.parse(input.lastInspectedOn());
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("lastInspectedOn", "日期格式应为 YYYY-MM-DD"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return enterprises.save(new RegulatedEnterprise(uscc, input.name().strip(), input.areaCode(),
                input.marketSegment(), input.keyPassengerDangerous(), input.keyCruisingTaxi(), input.keyEnterprise(),
                grade, input.creditGrade(), last));
    }

    public InspectorConflict recordConflict(String userId, String uscc, String reason, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        if (userId == null || !inspectors.existsById(userId)) {
            violations.add(new FieldViolation("userId", "不在执法检查人员名录库中"));
        }
        if (uscc == null || !enterprises.existsById(uscc)) {
            violations.add(new FieldViolation("uscc", "不在检查对象名录库中"));
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            violations.add(new FieldViolation("reason", "必须写明回避事由，不超过 500 字"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return conflicts.save(new InspectorConflict(userId, uscc, reason.strip(), actor, Instant.now(clock)));
    }

    @Transactional(readOnly = true)
    public List<RegulatedEnterprise> enterprises() {
        return enterprises.findAllByOrderByUscc();
    }

    @Transactional(readOnly = true)
    public RegulatedEnterprise enterprise(String uscc) {
        return enterprises.findById(uscc).orElseThrow(() -> new NotFoundException("enterprise", uscc));
    }

    @Transactional(readOnly = true)
    public List<EnterpriseVehicle> vehiclesOf(String uscc) {
        return vehicles.findByEnterpriseUsccOrderByPlateNumber(uscc);
    }

    @Transactional(readOnly = true)
    public List<PoolInspector> inspectors() {
        return inspectors.findAllByOrderByUserId();
    }

    @Transactional(readOnly = true)
    public List<InspectorConflict> conflicts() {
        return conflicts.findAllByOrderById();
    }

    @Transactional(readOnly = true)
    public List<InspectionItem> items() {
        return items.findAllByOrderByCode();
    }

    /** Both pools as they stand now: what a draw snapshots. */
    @Transactional(readOnly = true)
    public DoubleRandomDraw.InspectorPool inspectorPool() {
        return new DoubleRandomDraw.InspectorPool(
                inspectors.findAllByOrderByUserId().stream().map(PoolInspector::asPoolEntry).toList(),
                conflicts.findAllByOrderById().stream()
                        .map(c -> new DoubleRandomDraw.Conflict(c.getUserId(), c.getEnterpriseUscc()))
                        .distinct().toList());
    }

    @Transactional(readOnly = true)
    public List<DoubleRandomDraw.Target> targetPool() {
        return enterprises.findAllByOrderByUscc().stream().map(RegulatedEnterprise::asTarget).toList();
    }
}
