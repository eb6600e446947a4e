package org.sanlian.network;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadRegistration;
import org.sanlian.lead.LeadService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.sanlian.organisation.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The city–county network (市级+县区): the shared lead pool (who holds which act), transfers of jurisdiction and
 * assistance requests. The pool shows every body who holds a lead, not the lead's content, which stays with its
 * holder (GET /api/leads).
 */
@RestController
@Tag(name = "network", description = "市县联网：案源池、移送/指定/提级管辖、协查")
class NetworkController {

    private final LeadService leads;
    private final org.sanlian.organisation.Officers officers;
    private final Transfers transfers;
    private final Assistance assistance;

    public NetworkController(LeadService leads, Transfers transfers, Assistance assistance,
            org.sanlian.organisation.Officers officers) {
        this.officers = officers;
        this.leads = leads;
        this.transfers = transfers;
        this.assistance = assistance;
    }

    public record RegistrationView(String organisationCode, String organisationName, String registrant,
            Instant registeredAt, boolean merged) {
    }

    public record PoolEntry(String leadNumber, String holder, String holderName, String statusName,
            List<RegistrationView> registrations) {
    }

    public record MyRegistration(String leadNumber, String registeredBy, String registrant, Instant registeredAt,
            boolean merged, String holder, String holderName) {
    }

    @GetMapping("/api/lead-pool")
    @Operation(summary = "案源池：按统一社会信用代码/身份证号或车牌与日期查询，显示由哪个单位持有")
    public List<PoolEntry> pool(@RequestParam(required = false) String plateNumber,
            @RequestParam(required = false) String partyIdNumber,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn, Authentication user) {
        // a body's officers ask who holds an act; the process analyst, no body's officer, never reads a party's
        // acts and who registered them (operators.md), even by an ID number
        java.util.Set<String> groups = Caller.of(user).groups();
        if (groups.contains(Role.ANALYST.groupId()) && java.util.Arrays.stream(Role.values())
                .filter(role -> role != Role.ANALYST && role != Role.ADMINISTRATOR)
                .noneMatch(role -> groups.contains(role.groupId()))) {
            throw new AccessDeniedException("流程分析员不查询案源池");
        }
        return leads.inPool(partyIdNumber, plateNumber, occurredOn).stream().map(this::entry).toList();
    }

    @GetMapping("/api/lead-pool/registrations")
    @Operation(summary = "本单位登记的案源（含并入他单位案源的登记）及其持有单位")
    public List<MyRegistration> myRegistrations(Authentication user) {
        return leads.registrationsBy(Caller.of(user).groups()).stream().map(r -> {
            Lead lead = leads.byId(r.getLeadId());
            return new MyRegistration(lead.getLeadNumber(), r.getOrganisationCode(), r.getRegistrant(),
                    r.getRegisteredAt(), r.isMerged(), lead.getOrganisationCode(), leads.nameOf(lead.getOrganisationCode()));
        }).toList();
    }

    private PoolEntry entry(Lead lead) {
        List<RegistrationView> registrations = leads.registrationsOf(lead).stream()
                .map((LeadRegistration r) -> new RegistrationView(r.getOrganisationCode(),
                        leads.nameOf(r.getOrganisationCode()), r.getRegistrant(), r.getRegisteredAt(), r.isMerged()))
                .toList();
        return new PoolEntry(lead.getLeadNumber(), lead.getOrganisationCode(), leads.nameOf(lead.getOrganisationCode()),
                lead.getStatus().chineseName(), registrations);
    }

    public record TransferView(String transferNumber, JurisdictionTransfer.Kind kind, String kindName,
            JurisdictionTransfer.SubjectKind subjectKind, String subjectNumber, String fromOrganisation,
            String toOrganisation, String reason, JurisdictionTransfer.Status status, String statusName,
            String requestedBy, Instant requestedAt, String decidedBy, String decisionNote, String holderAfter,
            String receivedNumber, String processInstanceId, String fromOrganisationName, String toOrganisationName) {

        static TransferView of(JurisdictionTransfer t, java.util.function.UnaryOperator<String> nameOf) {
            return new TransferView(t.getNumber(), t.getKind(), t.getKind().chineseName(), t.getSubjectKind(),
                    t.getSubjectNumber(), t.getFromOrganisation(), t.getToOrganisation(), t.getReason(), t.getStatus(),
                    t.getStatus().chineseName(), t.getRequestedBy(), t.getRequestedAt(), t.getAnsweredBy(),
                    t.getAnswer(), t.getHolderAfter(), t.getReceivedNumber(), t.getProcessInstanceId(),
                    nameOf.apply(t.getFromOrganisation()), nameOf.apply(t.getToOrganisation()));
        }
    }

    @PostMapping("/api/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "移送管辖（持有机构）、报请指定管辖（也登记了该行为的机构）或提级管辖（市执法队负责人）")
    public TransferView requestTransfer(@RequestBody Transfers.Request request, Authentication user) {
        return TransferView.of(transfers.request(request, Caller.of(user)), leads::nameOf);
    }

    @GetMapping("/api/network/bodies")
    @Operation(summary = "本单位可以移送管辖或请求协查的执法机构（本市执法网络中的其他执法机构）")
    public List<org.sanlian.organisation.BodyChoices.Choice> networkBodies(Authentication user) {
        return transfers.targetsFor(Caller.of(user));
    }

    @GetMapping("/api/transfers")
    @Operation(summary = "本单位移出和移入的管辖事项")
    public List<TransferView> transfers(Authentication user) {
        return transfers.visibleTo(Caller.of(user)).stream().map(t -> TransferView.of(t, leads::nameOf)).toList();
    }

    @GetMapping("/api/transfers/{transferNumber}")
    public TransferView transfer(@PathVariable String transferNumber, Authentication user) {
        return TransferView.of(transfers.byNumber(transferNumber, Caller.of(user)), leads::nameOf);
    }

    public record AssistanceView(String requestNumber, String caseNumber, String requestingOrganisation,
            String assistingOrganisation, String matters, AssistanceRequest.Status status, String statusName,
            String requestedBy, Instant requestedAt, LocalDate dueOn, boolean dueProvisional, String repliedBy,
            String reply, String processInstanceId, String requestingOrganisationName,
            String assistingOrganisationName) {

        static AssistanceView of(AssistanceRequest a, java.util.function.UnaryOperator<String> nameOf) {
            return new AssistanceView(a.getNumber(), a.getCaseNumber(), a.getRequestingOrganisation(),
                    a.getAssistingOrganisation(), a.getMatters(), a.getStatus(), a.getStatus().chineseName(),
                    a.getRequestedBy(), a.getRequestedAt(), a.getDueOn(), a.isDueProvisional(), a.getAnsweredBy(),
                    a.getAnswer(), a.getProcessInstanceId(),
                    nameOf.apply(a.getRequestingOrganisation()), nameOf.apply(a.getAssistingOrganisation()));
        }
    }

    @PostMapping("/api/assistance")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发出协查（行政处罚法第二十六条），期限默认 15 个工作日")
    public AssistanceView requestAssistance(@RequestBody Assistance.Request request, Authentication user) {
        return AssistanceView.of(assistance.request(request, Caller.of(user)), leads::nameOf);
    }

    @GetMapping("/api/assistance")
    @Operation(summary = "本单位发出和收到的协查")
    public List<AssistanceView> assistanceRequests(Authentication user) {
        return assistance.visibleTo(Caller.of(user)).stream().map(a -> AssistanceView.of(a, leads::nameOf)).toList();
    }

    @GetMapping("/api/assistance/{requestNumber}")
    public AssistanceView assistanceRequest(@PathVariable String requestNumber, Authentication user) {
        return AssistanceView.of(assistance.byNumber(requestNumber, Caller.of(user)), leads::nameOf);
    }

    public record EvidenceAdded(long id, String caseNumber, String title, String sha256) {
    }

    public record AssistanceEvidenceView(long id, String typeName, String title, String fileName, long size,
            String sha256, String addedBy, String addedByName, Instant addedAt) {
    }

    @GetMapping("/api/assistance/{requestNumber}/evidence")
    @Operation(summary = "本协查已提交的证据（协查单位和请求单位可见）")
    public List<AssistanceEvidenceView> assistanceEvidence(@PathVariable String requestNumber, Authentication user) {
        return assistance.evidenceOf(requestNumber, Caller.of(user)).stream()
                .map(e -> new AssistanceEvidenceView(e.getId(), e.getType().chineseName(), e.getTitle(),
                        e.getFile().getName(), e.getFile().getSize(), e.getFile().getSha256(), e.getAddedBy(),
                        officers.name(e.getAddedBy()), e.getAddedAt()))
                .toList();
    }

    @PostMapping(path = "/api/assistance/{requestNumber}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "协查单位提交证据，直接进入请求单位的案件证据")
    public EvidenceAdded addEvidence(@PathVariable String requestNumber, @RequestParam(required = false) String type,
            @RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file,
            Authentication user) throws IOException {
        var added = assistance.addEvidence(requestNumber, type, title, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getContentType(), file == null ? null : file.getBytes(), Caller.of(user));
        return new EvidenceAdded(added.getId(), added.getCaseNumber(), added.getTitle(), added.getFile().getSha256());
    }
}
