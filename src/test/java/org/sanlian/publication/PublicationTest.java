package org.sanlian.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.casefile.PenaltyDecided;
import org.sanlian.casefile.party.CaseParties;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@DisplayName("公示 — penalty decisions published within 7 working days, redacted, through an outbox with retries (行政处罚法 Art. 48, domain.md §2.9, §6)")
class PublicationTest extends SanlianSpringTest {

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseParties parties;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    OutboxDelivery delivery;

    @Autowired
    PublicationSettings settings;

    @Autowired
    WorkingDayCalendar calendar;

    /** A stand-in for the credit platform: answers each decision number with the next status of its script. */
    private HttpServer platform;
    private final Map<String, IntSupplier> answers = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private String endpointBefore;
    private int maxAttemptsBefore;

    @BeforeEach
    void startPlatform() throws IOException {
        platform = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        platform.createContext("/credit", exchange -> {
            String key = URLDecoder.decode(exchange.getRequestHeaders().getFirst("Idempotency-Key"), StandardCharsets.UTF_8);
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int status = answers.getOrDefault(key, () -> 200).getAsInt();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        platform.start();
        endpointBefore = settings.getCreditEndpoint();
        maxAttemptsBefore = settings.getMaxAttempts();
        settings.setCreditEndpoint("http://127.0.0.1:" + platform.getAddress().getPort() + "/credit");
    }

    @AfterEach
    void stopPlatform() {
        settings.setCreditEndpoint(endpointBefore);
        settings.setMaxAttempts(maxAttemptsBefore);
        platform.stop(0);
    }

    /** A filed case of 西峰大队 whose party the investigation described, and the head's approved penalty decision. */
    private String decidedCase(String party, String idNumber, String address, BigDecimal fine) {
        ProcessInstance lead = runtimeService.startProcessInstanceByKey("leadIntake", Map.of("source", "INSPECTION",
                "partyName", party, "summary", "未取得道路运输经营许可从事客运经营", "organisationCode", "xifeng",
                "occurredOn", java.time.LocalDate.now(org.sanlian.platform.ChinaTime.CHINA).toString()));
        taskService.complete(task("verifyLead", lead).getId(), Map.of("verificationFindings", "核查属实"));
        taskService.complete(task("decideFiling", lead).getId(), Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("caseNumber").singleResult().getValue();
        String leadNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(lead.getId()).variableName("leadNumber").singleResult().getValue();
        parties.record(caseNumber, new CaseParties.PartyDetails(party, idNumber, address, "13800000000", null), "xfhandler1");
        String decisionNumber = caseNumber.replace("立", "罚");
        // what the head's approval of 处罚决定 publishes in its transaction (CaseProcedure#decide)
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> events.publishEvent(new PenaltyDecided(
                caseNumber, leadNumber, "xifeng", party, decisionNumber, fine, "xfhead")));
        return decisionNumber;
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.path(field).asText())) {
                return row;
            }
        }
        return null;
    }

    private JsonNode message(String user, String status, String decisionNumber, String kind) {
        ResponseEntity<String> response = get(user, "/api/publication/outbox?status=" + status);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        for (JsonNode row : json(response)) {
            if (decisionNumber.equals(row.path("decisionNumber").asText()) && kind.equals(row.path("kind").asText())) {
                return row;
            }
        }
        return null;
    }

    @Test
    @DisplayName("a penalty decision on a natural person is published within 7 working days (Art. 48; 国办发〔2018〕118号) by surname only, without ID number or address; an organisation keeps name and credit code")
    void decisionIsPublishedWithinSevenWorkingDaysRedacted() {
        String decision = decidedCase("张三丰", "11010519491231002X", "甘肃省庆阳市西峰区长庆大道88号",
                new BigDecimal("3000"));
        assertThat(find(json(get(null, "/public/penalty-decisions")), "decisionNumber", decision))
                .as("not public before the outbox delivered it").isNull();

        Instant now = Instant.now();
        delivery.deliverDue(now);

        ResponseEntity<String> feed = get(null, "/public/penalty-decisions");
        assertThat(feed.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode published = find(json(feed), "decisionNumber", decision);
        assertThat(published).as(feed.getBody()).isNotNull();
        assertThat(published.path("partyName").asText()).isEqualTo("张**");
        assertThat(published.path("partyKind").asText()).isEqualTo("自然人");
        assertThat(published.path("creditCode").isNull()).isTrue();
        assertThat(published.path("penalty").asText()).isEqualTo("罚款人民币 3000.00 元");
        assertThat(published.path("organisationName").asText()).isNotBlank();
        assertThat(feed.getBody()).doesNotContain("三丰", "11010519491231002X", "长庆大道");

        LocalDate decidedOn = LocalDate.parse(published.path("decidedOn").asText());
        LocalDate due = calendar.addWorkingDays(decidedOn, 7).date();
        assertThat(LocalDate.parse(published.path("publishedOn").asText())).isBeforeOrEqualTo(due);
        JsonNode status = find(json(get("citysupervisor", "/api/publication/decisions")), "decisionNumber", decision);
        assertThat(status.path("publishDue").asText()).isEqualTo(due.toString());
        assertThat(status.path("late").asBoolean()).isFalse();
        assertThat(status.path("messages")).hasSize(2).allMatch(m -> "SENT".equals(m.path("status").asText()));
        assertThat(received).anyMatch(body -> body.contains(decision) && body.contains("张**"))
                .noneMatch(body -> body.contains("11010519491231002X") || body.contains("长庆大道") || body.contains("张三丰"));

        String company = decidedCase("庆阳顺达运输有限公司", "91621002MA7XY12341", "庆阳市西峰区工业园", new BigDecimal("10000"));
        delivery.deliverDue(Instant.now());
        JsonNode organisation = find(json(get(null, "/public/penalty-decisions")), "decisionNumber", company);
        assertThat(organisation.path("partyName").asText()).isEqualTo("庆阳顺达运输有限公司");
        assertThat(organisation.path("creditCode").asText()).isEqualTo("91621002MA7XY12341");
        assertThat(organisation.path("partyKind").asText()).isEqualTo("法人或其他组织");
    }

    @Test
    @DisplayName("a failed push to the credit platform is retried after a backoff and is visible to supervision; after the last attempt it stays failed until the administrator retries it")
    void outboxFailureIsRetriedAndVisible() {
        String decision = decidedCase("李四", "11010519491231002X", "庆阳市西峰区", new BigDecimal("500"));
        AtomicInteger calls = new AtomicInteger();
        answers.put(decision, () -> calls.incrementAndGet() == 1 ? 503 : 200);

        Instant first = Instant.now();
        delivery.deliverDue(first);
        JsonNode pending = message("citysupervisor", "PENDING", decision, "CREDIT_PUSH");
        assertThat(pending).as("the failed push is still pending, with its error").isNotNull();
        assertThat(pending.path("attempts").asInt()).isEqualTo(1);
        assertThat(pending.path("lastError").asText()).contains("HTTP 503");
        assertThat(Instant.parse(pending.path("nextAttemptAt").asText())).as("retried after the initial backoff")
                .isBetween(first.plus(settings.getInitialBackoff()).minusSeconds(1),
                        first.plus(settings.getInitialBackoff()).plusSeconds(1));
        assertThat(message("citysupervisor", "SENT", decision, "PUBLISH")).as("publication does not wait for the credit platform").isNotNull();

        delivery.deliverDue(first.plusSeconds(30));
        assertThat(calls.get()).as("not retried before its backoff").isEqualTo(1);
        delivery.deliverDue(first.plus(settings.getInitialBackoff()).plusSeconds(1));
        JsonNode sent = message("citysupervisor", "SENT", decision, "CREDIT_PUSH");
        assertThat(sent).isNotNull();
        assertThat(sent.path("attempts").asInt()).isEqualTo(2);
        assertThat(calls.get()).isEqualTo(2);

        settings.setMaxAttempts(3);
        String refused = decidedCase("王五", "11010519491231002X", "庆阳市西峰区", new BigDecimal("800"));
        AtomicInteger refusals = new AtomicInteger();
        answers.put(refused, () -> refusals.incrementAndGet() <= 3 ? 500 : 200);
        Instant start = Instant.now();
        delivery.deliverDue(start);
        delivery.deliverDue(start.plus(Duration.ofMinutes(1)).plusSeconds(1));
        delivery.deliverDue(start.plus(Duration.ofMinutes(3)).plusSeconds(2));
        assertThat(refusals.get()).as("backoff 1 min, then 2 min").isEqualTo(3);
        JsonNode failed = message("citysupervisor", "FAILED", refused, "CREDIT_PUSH");
        assertThat(failed).as("visible to supervision as failed").isNotNull();
        assertThat(failed.path("statusName").asText()).isEqualTo("发送失败");
        assertThat(failed.path("lastError").asText()).contains("HTTP 500");
        delivery.deliverDue(start.plus(Duration.ofDays(1)));
        assertThat(refusals.get()).as("no attempt after the last one").isEqualTo(3);

        assertThat(post("citysupervisor", "/api/publication/outbox/" + failed.path("id").asLong() + "/retry", null)
                .getStatusCode()).as("supervision reads, it does not change").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> retried = rest.withBasicAuth("admin", DEMO_PASSWORD).postForEntity(
                "/api/publication/outbox/" + failed.path("id").asLong() + "/retry", null, String.class);
        assertThat(retried.getStatusCode()).as(retried.getBody()).isEqualTo(HttpStatus.OK);
        delivery.deliverDue(Instant.now().plusSeconds(1));
        assertThat(message("citysupervisor", "SENT", refused, "CREDIT_PUSH")).isNotNull();
        assertThat(get("citysupervisor", "/api/publication/outbox?status=LOST").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
