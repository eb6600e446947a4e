package org.sanlian.organisation;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Service;

/**
 * The bodies a form may name, from the configuration ({@code sanlian.organisation.bodies}), never from the table:
 * a row the configuration no longer names (庆阳's rows that Flyway V1 writes on every database, in another city's
 * installation) is kept for the cases that refer to it but is offered nowhere. Each list is what the law lets the
 * asking body name; the step's rule accepts only a body of the same list.
 */
@Service
public class BodyChoices {

    /** One option of a form's select: the body's name shown, its code submitted. */
    public record Choice(String label, String value) {
    }

    private final OrganisationSettings settings;
    private final EnforcementNetworks networks;

    BodyChoices(OrganisationSettings settings, EnforcementNetworks networks) {
        this.settings = settings;
        this.networks = networks;
    }

    /** 指定管辖 (行政处罚法 Art. 25): the enforcement bodies of the designating city team's network. */
    public List<Choice> enforcementBodiesOfCity(String cityTeam) {
        return configured((code, body) -> body.kind().isEnforcement() && inCity(cityTeam, code), cityTeam);
    }

    /**
     * Where an industry bureau hands a lead over (行政处罚法 Arts. 22, 23): the enforcement bodies competent for its
     * area, that is its own county's or district's and the city team of its prefecture (a city-level bureau: every
     * enforcement body of its prefecture).
     */
    public List<Choice> enforcementBodiesCovering(String bodyCode) {
        Optional<String> area = areaOf(bodyCode);
        return area.isEmpty() ? List.of() : configured((code, body) -> body.kind().isEnforcement()
                && (covers(body.areaCode(), area.get()) || covers(area.get(), body.areaCode())), null);
    }

    /** The enforcement bodies of the body's city network (移送管辖 and 协查 among them). */
    public List<Choice> enforcementBodiesOfNetworkOf(String bodyCode) {
        return networks.findCityTeamOf(bodyCode).map(this::enforcementBodiesOfCity).orElse(List.of());
    }

    /**
     * The enforcement bodies an officer of {@code bodyCode} may act for (联合抽查's 牵头单位): an officer acts only for
     * the body they belong to, so a brigade or county team names itself; the city team leads its network (domain.md
     * §9) and names any of the network's enforcement bodies; a body that is not an enforcement body names none.
     */
    public List<Choice> enforcementBodiesActedForBy(String bodyCode) {
        if (bodyCode != null && networks.isCityTeam(bodyCode)) {
            return enforcementBodiesOfCity(bodyCode);
        }
        return configured((code, body) -> code.equals(bodyCode) && body.kind().isEnforcement(), bodyCode);
    }

    /** 联合抽查: any body of the planner's city network but its legal office may take part. */
    public List<Choice> inspectingBodiesOfNetworkOf(String bodyCode) {
        return networks.findCityTeamOf(bodyCode)
                .map(city -> configured((code, body) -> body.kind() != OrganisationKind.LEGAL_OFFICE
                        && inCity(city, code), city))
                .orElse(List.of());
    }

    /**
     * 登记案源: the places of an act the network has a competent body for (行政处罚法 Art. 22), one per configured
     * enforcement body's area by its name, the city teams' own (市本级) last; the value is the GB/T 2260 code.
     */
    public List<Choice> areasOfEnforcementBodies() {
        Map<String, Choice> areas = new LinkedHashMap<>();
        settings.bodies().values().stream().filter(body -> body.kind().isEnforcement())
                .sorted(Comparator.comparing(body -> body.kind() == OrganisationKind.ENFORCEMENT_CITY))
                .forEach(body -> areas.putIfAbsent(body.areaCode(), new Choice(areaName(body), body.areaCode())));
        return List.copyOf(areas.values());
    }

    private static String areaName(OrganisationSettings.Body body) {
        String name = body.areaName() == null || body.areaName().isBlank() ? body.name() : body.areaName().strip();
        return body.kind() == OrganisationKind.ENFORCEMENT_CITY ? name + "（市本级）" : name;
    }

    public static boolean offers(List<Choice> choices, String code) {
        return code != null && choices.stream().anyMatch(choice -> choice.value().equals(code));
    }

    private Optional<String> areaOf(String bodyCode) {
        return Optional.ofNullable(bodyCode == null ? null : settings.bodies().get(bodyCode))
                .map(OrganisationSettings.Body::areaCode);
    }

    private boolean inCity(String cityTeam, String code) {
        return cityTeam != null && networks.findCityTeamOf(code).filter(cityTeam::equals).isPresent();
    }

    /** GB/T 2260: a prefecture's code ends in 00 and covers the codes of its first four digits. */
    private static boolean covers(String outer, String inner) {
        return outer.equals(inner) || (outer.endsWith("00") && inner.startsWith(outer.substring(0, 4)));
    }

    /** The configured bodies that pass, in the configuration's order, the city team {@code first} at the head. */
    private List<Choice> configured(BiPredicate<String, OrganisationSettings.Body> passes, String first) {
        return settings.bodies().entrySet().stream()
                .filter(entry -> passes.test(entry.getKey(), entry.getValue()))
                .sorted((a, b) -> Boolean.compare(!a.getKey().equals(first), !b.getKey().equals(first)))
                .map(entry -> new Choice(entry.getValue().name(), entry.getKey()))
                .toList();
    }
}
