package org.sanlian.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.sanlian.platform.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "organisations", description = "执法机构与人员")
public class OrganisationController {

    private final OrganisationRepository organisations;
    private final OfficerRepository officers;

    public OrganisationController(OrganisationRepository organisations, OfficerRepository officers) {
        this.organisations = organisations;
        this.officers = officers;
    }

    public record OrganisationView(String code, String name, OrganisationKind kind, String kindName,
            String areaCode, String parentCode, List<String> candidateGroups) {

        static OrganisationView of(Organisation o) {
            return new OrganisationView(o.getCode(), o.getName(), o.getKind(), o.getKind().chineseName(),
                    o.getAreaCode(), o.getParentCode(),
                    IdentityBootstrap.dutiesOf(o.getKind()).stream().map(r -> r.dutyGroupId(o.getCode())).toList());
        }
    }

    public record OfficerView(String userId, String displayName, String organisationCode, Role role,
            String roleName, String certificateNumber) {

        static OfficerView of(Officer o) {
            return new OfficerView(o.getUserId(), o.getDisplayName(), o.getOrganisationCode(), o.getRole(),
                    o.getRole().chineseName(), o.getCertificateNumber());
        }
    }

    @GetMapping
    @Operation(summary = "所有机构 (domain.md §9)")
    public List<OrganisationView> list() {
        return organisations.findAllByOrderByCode().stream().map(OrganisationView::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "一个机构")
    public OrganisationView get(@PathVariable String code) {
        return organisations.findById(code).map(OrganisationView::of)
                .orElseThrow(() -> new NotFoundException("organisation", code));
    }

    @GetMapping("/{code}/officers")
    @Operation(summary = "机构的执法人员及其执法证号")
    public List<OfficerView> officers(@PathVariable String code) {
        get(code);
        return officers.findByOrganisationCodeOrderByUserId(code).stream().map(OfficerView::of).toList();
    }
}
