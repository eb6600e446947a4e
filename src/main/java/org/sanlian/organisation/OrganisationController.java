package org.sanlian.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organisations")
@Tag(name = "organisations", description = "执法机构与人员")
class OrganisationController {

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

    /** An organisation's case-number prefix and format: placeholders {prefix} {type} {year} {seq}. */
    public record Numbering(String numberPrefix, String numberFormat) {
    }

    @GetMapping("/{code}/numbering")
    @Operation(summary = "机构的案号前缀与格式（domain.md §3.3）")
    public Numbering numbering(@PathVariable String code) {
        Organisation organisation = organisations.findById(code)
                .orElseThrow(() -> new NotFoundException("organisation", code));
        return new Numbering(organisation.getNumberPrefix(), organisation.getNumberFormat());
    }

    /**
     * The administrator sets the format; it must keep {type}, {year} and {seq}, so that each series stays
     * apart and no two numbers read the same. Numbers already allocated keep their text.
     */
    @PutMapping("/{code}/numbering")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    @Transactional
    @Operation(summary = "设置机构的案号前缀与格式（仅管理员）")
    public Numbering setNumbering(@PathVariable String code, @RequestBody Numbering numbering) {
        Organisation organisation = organisations.findById(code)
                .orElseThrow(() -> new NotFoundException("organisation", code));
        List<FieldViolation> violations = new ArrayList<>();
        String prefix = numbering.numberPrefix() == null ? "" : numbering.numberPrefix().strip();
        String format = numbering.numberFormat() == null ? "" : numbering.numberFormat().strip();
        if (prefix.isEmpty() || prefix.length() > 16) {
            violations.add(new FieldViolation("numberPrefix", "案号前缀必填，不超过 16 字"));
        }
        if (format.length() > 64) {
            violations.add(new FieldViolation("numberFormat", "案号格式不超过 64 字"));
        }
        for (String placeholder : List.of("{type}", "{year}", "{seq}")) {
            if (!format.contains(placeholder)) {
                violations.add(new FieldViolation("numberFormat", "案号格式须含 " + placeholder
                        + "，否则不同序列或年份的案号会重复"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        organisation.numbering(prefix, format);
        organisations.save(organisation);
        return new Numbering(organisation.getNumberPrefix(), organisation.getNumberFormat());
    }
}
