package org.sanlian.casefile.party;

import static org.sanlian.platform.Inputs.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party and vehicles of a case (domain.md §2.2): a resident ID number makes the party a citizen, a unified
 * social credit code an organisation; both are checked with their check character, a plate with its shape.
 */
@Service
public class CaseParties {

    /** What the investigation establishes about the party; blank fields are left as they were. */
    public record PartyDetails(String name, String idNumber, String address, String phone, String plateNumber) {
    }

    public record PartyView(String name, CaseParty.Kind kind, String idNumber, String address, String phone,
            String recordedBy, Instant recordedAt) {
    }

    public record VehicleView(String plateNumber, String recordedBy, Instant recordedAt) {
    }

    private final CasePartyRepository parties;
    private final CaseVehicleRepository vehicles;
    private final Clock clock;

    CaseParties(CasePartyRepository parties, CaseVehicleRepository vehicles, Optional<Clock> clock) {
        this.parties = parties;
        this.vehicles = vehicles;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** The field problems of the details, named by the form's keys (partyIdNumber, plateNumber). */
    public static List<FieldViolation> check(PartyDetails details) {
        List<FieldViolation> violations = new ArrayList<>();
        String id = blankToNull(details.idNumber());
        if (id != null && !ChineseIdentifiers.isPartyId(id)) {
            violations.add(new FieldViolation("partyIdNumber",
                    ChineseIdentifiers.kindOf(id) == ChineseIdentifiers.Kind.RESIDENT_ID
                            ? "公民身份号码校验不通过（GB 11643：出生日期或校验码有误）"
                            : "统一社会信用代码校验不通过（GB 32100：18 位，末位为校验码）"));
        }
        String plate = blankToNull(details.plateNumber());
        if (plate != null && !ChineseIdentifiers.isPlate(plate)) {
            violations.add(new FieldViolation("plateNumber", "车牌号格式不正确，例如 甘M12345"));
        }
        return violations;
    }

    /** Records the details, which {@link #check} has passed. */
    @Transactional
    public void record(String caseNumber, PartyDetails details, String actor) {
        Instant now = clock.instant();
        String id = ChineseIdentifiers.normalise(blankToNull(details.idNumber()));
        CaseParty party = parties.findByCaseNumberAndName(caseNumber, details.name())
                .orElseGet(() -> new CaseParty(caseNumber, details.name()));
        CaseParty.Kind kind = id == null ? Optional.ofNullable(party.getKind()).orElse(CaseParty.Kind.PERSON)
                : ChineseIdentifiers.kindOf(id) == ChineseIdentifiers.Kind.RESIDENT_ID ? CaseParty.Kind.PERSON
                : CaseParty.Kind.ORGANISATION;
        party.describe(kind, id != null ? id : party.getIdNumber(),
                Optional.ofNullable(blankToNull(details.address())).orElse(party.getAddress()),
                Optional.ofNullable(blankToNull(details.phone())).orElse(party.getPhone()), actor, now);
        parties.save(party);
        String plate = ChineseIdentifiers.normalise(blankToNull(details.plateNumber()));
        if (plate != null && !vehicles.existsByCaseNumberAndPlateNumber(caseNumber, plate)) {
            vehicles.save(new CaseVehicle(caseNumber, plate, actor, now));
        }
    }

    @Transactional(readOnly = true)
    public List<PartyView> parties(String caseNumber) {
        return parties.findByCaseNumberOrderById(caseNumber).stream().map(p -> new PartyView(p.getName(),
                p.getKind(), p.getIdNumber(), p.getAddress(), p.getPhone(), p.getRecordedBy(), p.getRecordedAt()))
                .toList();
    }

    /** The recorded plates of several cases at once, by case number (the case list, issue 16). */
    @Transactional(readOnly = true)
    public java.util.Map<String, List<String>> plates(java.util.Collection<String> caseNumbers) {
        return vehicles.findByCaseNumberInOrderById(caseNumbers).stream().collect(java.util.stream.Collectors.groupingBy(
                CaseVehicle::getCaseNumber, java.util.LinkedHashMap::new,
                java.util.stream.Collectors.mapping(CaseVehicle::getPlateNumber, java.util.stream.Collectors.toList())));
    }

    @Transactional(readOnly = true)
    public List<VehicleView> vehicles(String caseNumber) {
        return vehicles.findByCaseNumberOrderById(caseNumber).stream()
                .map(v -> new VehicleView(v.getPlateNumber(), v.getRecordedBy(), v.getRecordedAt())).toList();
    }
}
