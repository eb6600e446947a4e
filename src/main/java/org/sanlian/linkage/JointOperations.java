package org.sanlian.linkage;

import org.sanlian.platform.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sanlian.organisation.EnforcementNetworks;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Organisation;
import org.sanlian.organisation.Officers;
import org.sanlian.organisation.OrganisationKind;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joint operations of transport and the traffic police (联勤联动, domain.md §1): the plan names officers of
 * both bodies; each finding is routed to the body that decides it and the debrief closes the operation.
 */
@Service
@Transactional
public class JointOperations {

    private final JointOperationRepository operations;
    private final Officers officers;
    private final Organisations organisations;
    private final Watchlist watchlist;
    private final EnforcementNetworks networks;
    private final Clock clock;

    public JointOperations(JointOperationRepository operations, Officers officers,
            Organisations organisations, Watchlist watchlist, EnforcementNetworks networks, Optional<Clock> clock) {
        this.operations = operations;
        this.officers = officers;
        this.organisations = organisations;
        this.watchlist = watchlist;
        this.networks = networks;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    /** The plan as kept: the participants by username, whether typed by username or by name. */
    public record Plan(String operationNumber, String organiserCode, String policeCode, String transportOfficers,
            String policeOfficers) {
    }

    public Plan plan(String title, String plannedDate, String place, String transportOfficers, String policeOfficers,
            String organiser) {
        List<FieldViolation> violations = new ArrayList<>();
        String name = Inputs.required("operationTitle", title, 255, violations);
        String where = Inputs.required("place", place, 255, violations);
        LocalDate date = Inputs.requiredDate("plannedDate", plannedDate, violations);
        String organiserCode = officers.byUserId(String.valueOf(organiser)).map(Officer::getOrganisationCode)
                .filter(this::isEnforcement).orElse(null);
        if (organiserCode == null) {
            violations.add(new FieldViolation("organiser", "联合执法行动由交通运输综合执法队伍组织"));
        }
        transportOfficers = byUsername(transportOfficers, this::isEnforcement);
        policeOfficers = byUsername(policeOfficers, this::isPolice);
        bodiesOf("transportOfficers", transportOfficers, this::isEnforcement, violations);
        if (organiserCode != null) {
            othersOnOurSide(transportOfficers, organiserCode).ifPresent(violations::add);
        }
        Set<String> police = bodiesOf("policeOfficers", policeOfficers, this::isPolice, violations);
        if (police.size() > 1) {
            violations.add(new FieldViolation("policeOfficers", "交警参加人员须为同一个公安机关交通管理部门的人员，不能同时安排："
                    + police.stream().map(this::nameOf).collect(Collectors.joining("、"))));
        }
        if (organiserCode != null && police.size() == 1) {
            otherCitysPolice(police.iterator().next(), organiserCode).ifPresent(violations::add);
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        JointOperation operation = operations.save(new JointOperation(name, date, where, organiserCode,
                police.iterator().next(), normalise(transportOfficers), normalise(policeOfficers), organiser,
                Instant.now(clock)));
        operation.assignNumber(String.format("LH%d%06d", LocalDate.now(clock).getYear(), operation.getId()));
        return new Plan(operation.getOperationNumber(), organiserCode, operation.getPoliceCode(),
                operation.getTransportOfficers(), operation.getPoliceOfficers());
    }

    /**
     * The police confirm (or correct) their officers: every one must be a traffic police officer of the operation's
     * police body — the body asked to confirm sends only its own (执法主体不变), never another police body's.
     */
    public String policeConfirmed(String operationNumber, String policeOfficers) {
        List<FieldViolation> violations = new ArrayList<>();
        JointOperation operation = byNumber(operationNumber);
        String policeCode = operation.getPoliceCode();
        policeOfficers = byUsername(policeOfficers, code -> code.equals(policeCode));
        Set<String> bodies = bodiesOf("policeOfficers", policeOfficers, this::isPolice, violations);
        List<String> others = bodies.stream().filter(body -> !body.equals(policeCode)).map(this::nameOf).toList();
        if (!others.isEmpty()) {
            violations.add(new FieldViolation("policeOfficers", "交警参加人员须为本次行动的" + nameOf(policeCode)
                    + "的人员，不能安排" + String.join("、", others) + "的人员"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        operation.confirmPolice(normalise(policeOfficers));
        return normalise(policeOfficers);
    }

    /**
     * The participants as officers write them — by name (李明、王芳) or by username — each as a username: a name is
     * taken when exactly one officer of that side (enforcement or police) bears it; anything else is left as typed,
     * for the check to refuse naming it.
     */
    private String byUsername(String written, java.util.function.Predicate<String> side) {
        if (written == null) {
            return null;
        }
        return ids(written).stream().map(token -> {
            if (officers.byUserId(token).isPresent()) {
                return token;
            }
            List<Officer> named = officers.named(token).stream()
                    .filter(officer -> side.test(officer.getOrganisationCode())).toList();
            return named.size() == 1 ? named.get(0).getUserId() : token;
        }).collect(Collectors.joining(","));
    }

    public void debriefed(String operationNumber, String debrief) {
        List<FieldViolation> violations = new ArrayList<>();
        String text = Inputs.required("debrief", debrief, 2000, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        byNumber(operationNumber).debriefed(text);
    }

    /** Checks one finding as recorded; the DMN competentBody has already said who decides it. */
    public Matter finding(String matter, String partyName, String plateNumber, String description) {
        List<FieldViolation> violations = new ArrayList<>();
        Matter kind = null;
        try {
            kind = Matter.valueOf(String.valueOf(matter));
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("matter", "须选择发现的违法情形"));
        }
        Inputs.required("partyName", partyName, 128, violations);
        HandOvers.plate(plateNumber, violations);
        Inputs.required("findingDescription", description, 2000, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return kind;
    }

    public void listIfIllegalOperation(Matter matter, String plateNumber, String partyName, String reference,
            String organisationCode, String actor) {
        if (matter == Matter.illegalOperation) {
            watchlist.list(plateNumber, partyName, "联合执法行动发现：" + matter.chineseName(), reference,
                    organisationCode, actor);
        }
    }

    @Transactional(readOnly = true)
    public JointOperation byNumber(String operationNumber) {
        return operations.findByOperationNumber(operationNumber)
                .orElseThrow(() -> new NotFoundException("joint operation", operationNumber));
    }

    private Set<String> bodiesOf(String field, String userIds, java.util.function.Predicate<String> kind,
            List<FieldViolation> violations) {
        List<String> ids = ids(userIds);
        if (ids.isEmpty()) {
            violations.add(new FieldViolation(field, "至少列明一名参加人员"));
            return Set.of();
        }
        Set<String> bodies = new java.util.LinkedHashSet<>();
        for (String id : ids) {
            Optional<String> body = officers.byUserId(id).map(Officer::getOrganisationCode).filter(kind);
            if (body.isEmpty()) {
                violations.add(new FieldViolation(field, id + " 不是本方执法人员"));
            } else {
                bodies.add(body.get());
            }
        }
        return bodies;
    }

    /**
     * The brigade's side is the organiser's own body: an officer acts only for the body they belong to, and another
     * body's officers are not its to send (that body is never asked, as the police are at 交警确认参加人员).
     */
    private Optional<FieldViolation> othersOnOurSide(String userIds, String organiserCode) {
        List<String> others = ids(userIds).stream()
                .flatMap(id -> officers.byUserId(id).stream())
                .filter(officer -> isEnforcement(officer.getOrganisationCode())
                        && !officer.getOrganisationCode().equals(organiserCode))
                .map(officer -> officer.getDisplayName() + "（" + organisations.byCode(officer.getOrganisationCode())
                        .map(Organisation::getName).orElse(officer.getOrganisationCode()) + "）")
                .toList();
        return others.isEmpty() ? Optional.empty() : Optional.of(new FieldViolation("transportOfficers",
                "执法大队参加人员须为组织行动的本单位执法人员，不能安排其他单位的人员：" + String.join("、", others)));
    }

    /**
     * The police side is a traffic police body of the organiser's own city network (domain.md §1: 市级+县区 joint
     * enforcement within the city): another city's police, or police of no configured city, are not the organiser's
     * to plan with. At 交警确认参加人员 only the plan's police body confirms, so this holds there too.
     */
    private Optional<FieldViolation> otherCitysPolice(String policeCode, String organiserCode) {
        Optional<String> organiserCity = networks.findCityTeamOf(organiserCode,
                organisations.byCode(organiserCode).map(Organisation::getAreaCode).orElse(null));
        Optional<String> policeCity = networks.findCityTeamOf(policeCode,
                organisations.byCode(policeCode).map(Organisation::getAreaCode).orElse(null));
        if (organiserCity.isPresent() && organiserCity.equals(policeCity)) {
            return Optional.empty();
        }
        return Optional.of(new FieldViolation("policeOfficers", "交警参加人员须为组织单位所在城市（"
                + organiserCity.map(this::nameOf).orElse(nameOf(organiserCode)) + "）的公安机关交通管理部门的人员，不能安排"
                + nameOf(policeCode) + "的人员"));
    }

    private String nameOf(String organisationCode) {
        return organisations.byCode(organisationCode).map(Organisation::getName).orElse(organisationCode);
    }

    private boolean isEnforcement(String code) {
        return organisations.byCode(code).map(o -> o.isEnforcementBody()).orElse(false);
    }

    private boolean isPolice(String code) {
        return organisations.byCode(code).map(o -> o.getKind() == OrganisationKind.PUBLIC_SECURITY).orElse(false);
    }

    private static List<String> ids(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，、\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String normalise(String text) {
        return ids(text).stream().collect(Collectors.joining(","));
    }
}
