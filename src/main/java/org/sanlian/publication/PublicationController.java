package org.sanlian.publication;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.security.Visibility;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision's view of 公示 and the credit push: every decision's deadline and every outbox message's status, of the
 * bodies the caller reads (a head his own, a legal supervisor his city's, the administrator all).
 */
@RestController
@RequestMapping("/api/publication")
@Tag(name = "publication", description = "公示与信用信息推送（发送箱状态、失败重发）")
class PublicationController {

    private static final String READER = "hasAnyAuthority('GROUP_legalSupervisor', 'GROUP_camunda-admin', 'GROUP_head')";

    private final Publications publications;

    public PublicationController(Publications publications) {
        this.publications = publications;
    }

    @GetMapping("/decisions")
    @PreAuthorize(READER)
    @Operation(summary = "处罚决定的公示情况：公示期限（决定后 7 个工作日）、公示时间、是否超期、发送记录")
    public List<Publications.PublicationStatus> decisions(Authentication user) {
        Visibility visibility = Visibility.of(user);
        return publications.statuses().stream().filter(d -> visibility.sees(d.organisationCode())).toList();
    }

    @GetMapping("/outbox")
    @PreAuthorize(READER)
    @Operation(summary = "发送箱：公示和信用平台推送的每条记录（status=PENDING|SENT|FAILED 可筛选）")
    public List<Publications.MessageView> outbox(@RequestParam(required = false) String status,
            Authentication user) {
        OutboxMessage.Status wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = OutboxMessage.Status.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "只能是 PENDING（待发送）、SENT（已发送）或 FAILED（发送失败）");
            }
        }
        Visibility visibility = Visibility.of(user);
        return publications.messages(wanted).stream().filter(m -> visibility.sees(m.organisationCode())).toList();
    }

    @PostMapping("/outbox/{id}/retry")
    @PreAuthorize("hasAuthority('GROUP_camunda-admin')")
    @Operation(summary = "重新发送一条发送失败的记录（管理员）")
    public Publications.MessageView retry(@PathVariable long id) {
        return publications.retry(id);
    }
}
