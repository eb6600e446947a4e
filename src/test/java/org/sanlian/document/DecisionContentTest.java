package org.sanlian.document;

import static org.sanlian.support.PdfText.flat;
import static org.sanlian.support.PdfText.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.organisation.DemoSettings;
import org.sanlian.organisation.Organisations;
import org.sanlian.platform.ChinaTime;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the decisions say (行政处罚法 Art. 59; domain.md §2.9, §2.16, §3) and how every document names people and
 * steps (officers by name and 执法证 number, steps by their Chinese names), read back from the PDFs as text.
 * The case is driven through the REST API by the demo officers, so every step has a real actor.
 */
@DisplayName("decision content (行政处罚法 Art. 59) and names in documents — domain.md §2.9, §2.16, §3")
class DecisionContentTest extends SanlianSpringTest {

    static final LocalDate TODAY = LocalDate.now(ChinaTime.CHINA);
    static final String CREDIT_CODE = "91350100M000100Y43";
    static final String ADDRESS = "甘肃省庆阳市西峰区长庆大道88号";

    private static final java.util.concurrent.atomic.AtomicInteger ACTS = new java.util.concurrent.atomic.AtomicInteger();

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    EvidenceService evidence;

    @Autowired
    DemoSettings demo;

    @Autowired
    Organisations organisations;

    @Autowired
    org.sanlian.platform.DeadlineSettings deadlines;

    @Test
    @DisplayName("行政处罚法 Art. 59: the 行政处罚决定书 names the party's credit code and address, lists the registered evidence, cites the provisions as laws are cited (《中华人民共和国道路运输条例》第六十三条第（二）项, in 书名号), quotes the statement as made, and names the bank, the 复议机关 and the court with their periods (Art. 67: 15 days; domain.md §2.16: 60 days, 6 months)")
    void art59_penaltyDecision_carriesPartyEvidenceProvisionStatementPaymentAndRemedies() throws IOException {
        ProcessInstance instance = decidedPenaltyByOfficers("庆阳某客运有限公司", true);
        String text = flat(text(latestPdf(caseNumberOf(instance), "PENALTY_DECISION")));

        assertThat(text).contains("庆阳某客运有限公司", "统一社会信用代码", CREDIT_CODE, ADDRESS);
        assertThat(text).contains("1.书证：道路运输经营许可查询记录", "2.勘验笔录、现场笔录：现场检查笔录");
        assertThat(text).contains("《中华人民共和国道路运输条例》第十条", "《中华人民共和国道路运输条例》第六十三条第（二）项", "未取得道路运输经营许可，擅自从事道路客运经营",
                "处罚种类：罚款", "罚款20000元");
        assertThat(text).contains("当事人提出了陈述、申辩：车辆系亲友自用，未收取费用", "进行了复核")
                .doesNotContain("未提出陈述、申辩");
        assertThat(text).contains("十五日内", "中国农业银行股份有限公司庆阳分行", "27300101040006666");
        assertThat(text).contains("六十日内向庆阳市人民政府申请行政复议", "六个月内向庆阳市西峰区人民法院提起行政诉讼");
        assertThat(text).doesNotContain("第五十七条");
        assertThat(text).contains("庆阳市交通运输综合行政执法队西峰大队");
    }

    @Test
    @DisplayName("行政处罚法 Art. 59(3): the decision states the legal basis of the penalty and nothing else — the discretion table's note that its tier is an example, not law, is shown to the head on 处罚决定审批 beside the basis (never inside it) and is not printed on the 行政处罚决定书 served on the party")
    void art59_decisionPrintsTheLegalBasisOnly_theBenchmarkNoteStaysOnTheHeadsForm() throws IOException {
        ProcessInstance instance = recheckedByOfficers("庆阳某城际客运有限公司", true);
        assertThat(formVariable("xfhead", instance, "decidePenalty", "approvalBasis"))
                .contains("《中华人民共和国道路运输条例》第六十三条第（二）项").doesNotContain("示例", "待甘肃省");
        assertThat(formVariable("xfhead", instance, "decidePenalty", "approvalBenchmarkNote"))
                .contains("裁量阶次为示例，非法律规定");
        submit("xfhead", instance, "decidePenalty", Map.of("headDecision", "approve"));
        String text = flat(text(latestPdf(caseNumberOf(instance), "PENALTY_DECISION")));

        assertThat(text).contains("依据《中华人民共和国道路运输条例》第六十三条第（二）项的规定")
                .doesNotContain("示例", "非法律规定", "待甘肃省", "裁量基准）");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 44, 45; domain.md §2.7: the 违法行为通知书 tells the party within what period to state and defend — the working days the engine enforces (sanlian.deadlines.statement-working-days), in words")
    void art44_noticeStatesTheConfiguredStatementPeriod() throws IOException {
        ProcessInstance instance = recheckedByOfficers("庆阳某包车客运有限公司", false);
        String notice = flat(text(latestPdf(caseNumberOf(instance), "PRE_PENALTY_NOTICE")));

        assertThat(notice).contains("陈述、申辩的，应当在收到本通知书之日起"
                + PeriodWords.number(deadlines.statementWorkingDays()) + "个工作日内提出");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 44, 45, 59: a party who made no statement is not said to have been heard — the decision says the party did not state or defend within the period and so waived it")
    void art45_noStatementMade_decisionSaysNoneWasMadeNeverThatItWasHeard() throws IOException {
        ProcessInstance instance = decidedPenaltyByOfficers("庆阳某运输有限公司", false);
        String text = flat(text(latestPdf(caseNumberOf(instance), "PENALTY_DECISION")));

        assertThat(text).contains("当事人在规定期限内未提出陈述、申辩，视为放弃陈述、申辩的权利")
                .doesNotContain("听取了当事人的陈述", "当事人提出了陈述、申辩");
    }

    @Test
    @DisplayName("行政处罚法 Arts. 57(2), 59: the 不予行政处罚决定书 names the party's ID number and address, the registered evidence and the 复议机关 and court of the body")
    void art59_noPenaltyDecision_carriesPartyEvidenceAndRemedies() throws IOException {
        ProcessInstance instance = filedByOfficers("某个体户壬");
        String caseNumber = caseNumberOf(instance);
        investigate(instance, "621002199003071235");
        evidence.add(caseNumber, "PARTY_STATEMENT", "当事人询问笔录", "statement.txt", "text/plain",
                "询问笔录".getBytes(StandardCharsets.UTF_8), "xfhandler1");
        submit("xfhandler1", instance, "investigationReport", Map.of("facts", "当事人首次载客，及时改正，未造成危害后果",
                "legalBasis", "《道路运输条例》第十条", "proposedOutcome", "noPenalty", "partyType", "citizen",
                "violationCode", "YZ-KY-WZ", "circumstanceTier", "minor", "harm", "none", "correctedPromptly", true));
        // Art. 33 ¶3: the party not punished is educated, by an officer of the body
        submit("xfhead", instance, "decideNoPenalty", Map.of("headDecision", "approve", "educationForm", "oral",
                "educatedOn", TODAY.toString(), "educatedBy", "xfhandler1"));
        String text = flat(text(latestPdf(caseNumber, "NO_PENALTY_DECISION")));

        assertThat(text).contains("某个体户壬", "身份证件号码", "621002199003071235", "住址", ADDRESS);
        assertThat(text).contains("1.当事人的陈述：当事人询问笔录");
        assertThat(text).contains("六十日内向庆阳市人民政府申请行政复议", "六个月内向庆阳市西峰区人民法院提起行政诉讼");
    }

    @Test
    @DisplayName("conventions (people, not usernames): no document of a case run to its archive names an officer by username or a step by its BPMN id; the officers appear by name and 执法证 number, the steps by their Chinese names")
    void fullCase_noDocumentNamesAUsernameOrAStepId() throws IOException {
        ProcessInstance instance = decidedPenaltyByOfficers("庆阳某旅游客运有限公司", true);
        String caseNumber = caseNumberOf(instance);
        submit("xfhandler1", instance, "serveDecision", Map.of("serviceMethod", "direct", "servedOn", TODAY.toString(),
                "recipient", "庆阳某旅游客运有限公司", "receiptSignature", "signed"));
        submit("xfhandler1", instance, "recordPayment", Map.of("paymentOutcome", "paid", "paidOn", TODAY.toString(),
                "amountPaid", 20000));
        submit("xfhandler1", instance, "closeCase", Map.of("closureReport", "罚款已缴纳，案件执行完毕"));
        submit("xfhead", instance, "approveClosure", Map.of("closureDecision", "approve"));
        assertThat(instance).isEnded();

        JsonNode index = json(get("xfhandler1", "/api/cases/" + caseNumber + "/archive"));
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> file : unzip(bytes("xfhandler1", index.path("contentUrl").asText())).entrySet()) {
            if (file.getKey().endsWith(".pdf")) {
                texts.put(file.getKey(), text(file.getValue()));
            }
        }
        for (JsonNode document : json(get("xfhandler1", "/api/cases/" + caseNumber + "/documents"))) {
            texts.put(document.path("title").asText() + " v" + document.path("version").asInt(),
                    text(bytes("xfhandler1", document.path("contentUrl").asText())));
        }
        assertThat(texts.keySet()).anyMatch(name -> name.contains("卷内目录")).anyMatch(name -> name.contains("结案报告"))
                .anyMatch(name -> name.contains("法制审核意见书")).anyMatch(name -> name.contains("送达回证"));

        Set<String> usernames = new TreeSet<>(demo.users().keySet());
        Set<String> stepIds = bpmnIds();
        assertThat(usernames).contains("xfhandler1", "xfhead", "cityreviewer");
        assertThat(stepIds).contains("investigate", "legalReview", "decidePenalty", "archiveCase");
        // read without line breaks: a username or id wrapped in a narrow column is still found
        texts.forEach((name, wrapped) -> {
            String text = flat(wrapped);
            for (String username : usernames) {
                assertThat(text).as("%s names no one by the username %s", name, username).doesNotContain(username);
            }
            for (String id : stepIds) {
                assertThat(text).as("%s names no step by its id %s", name, id).doesNotContain(id);
            }
        });

        String closure = flat(texts.entrySet().stream().filter(e -> e.getKey().contains("结案报告")).findFirst().orElseThrow()
                .getValue());
        // the record's columns: a name and its certificate number may wrap apart in the 人员 column
        assertThat(closure).contains("调查取证", "法制审核", "处罚决定审批", "同意：事实清楚", "李明（执法证号",
                "62100220230011）", "刘婷（执法证号", "62100020200007）", "张建国（执法证号", "62100220190003）");
        String review = flat(texts.entrySet().stream().filter(e -> e.getKey().contains("法制审核意见书")).findFirst()
                .orElseThrow().getValue());
        assertThat(review).contains("刘婷（执法证号62100020200007）", "给予行政处罚");
    }

    @Test
    @DisplayName("domain.md §2.16: the 复议机关, court and bank are configured per body; a brigade without its own takes its city team's, a county its own")
    void particularsConfiguredPerBody() {
        assertThat(organisations.particulars("xifeng")).isEqualTo(new Organisations.DecisionParticulars(
                "中国农业银行股份有限公司庆阳分行", "27300101040006666", "庆阳市人民政府", "庆阳市西峰区人民法院"));
        assertThat(organisations.particulars("qingcheng").reconsiderationBody()).isEqualTo("庆城县人民政府");
        assertThat(organisations.particulars("qingcheng").court()).isEqualTo("庆城县人民法院");
        assertThat(organisations.particulars("qingcheng").paymentBank()).isEqualTo("中国农业银行股份有限公司庆阳分行");
        assertThat(organisations.particulars("xfpolice"))
                .isEqualTo(new Organisations.DecisionParticulars(null, null, null, null));
    }

    // --- the case, as the demo officers drive it through the REST API ---

    private ProcessInstance filedByOfficers(String party) {
        JsonNode lead = registerLead("xfhandler1", party, null);
        ProcessInstance leadInstance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(lead.path("id").asText()).singleResult();
        // each case is another act of the same party (another day): one fine per act (Art. 29) holds across the tests
        submit("xfhandler1", leadInstance, "verifyLead", Map.of("verificationFindings", "核查属实", "occurredOn",
                TODAY.minusDays(ACTS.incrementAndGet()).toString()));
        submit("xfhead", leadInstance, "decideFiling", Map.of("filingDecision", "file"));
        String caseNumber = (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(leadInstance.getId()).variableName("caseNumber").singleResult().getValue();
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("generalProcedure")
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    private void investigate(ProcessInstance instance, String partyId) {
        submit("xfhandler1", instance, "investigate", Map.of("investigator1", "xfhandler1", "investigator2", "xfhandler2",
                "investigationFindings", "现场检查，询问当事人", "partyIdNumber", partyId, "partyAddress", ADDRESS));
    }

    /** 2 evidence items, a 20,000-yuan proposal (法制审核 at ≥ 10,000), notice, re-check and the head's approval. */
    private ProcessInstance decidedPenaltyByOfficers(String party, boolean statementMade) {
        ProcessInstance instance = recheckedByOfficers(party, statementMade);
        submit("xfhead", instance, "decidePenalty", Map.of("headDecision", "approve"));
        assertThat(instance).isWaitingAt("serveDecision");
        return instance;
    }

    /** As {@link #decidedPenaltyByOfficers}, up to the head's 处罚决定审批, which waits. */
    private ProcessInstance recheckedByOfficers(String party, boolean statementMade) {
        ProcessInstance instance = filedByOfficers(party);
        String caseNumber = caseNumberOf(instance);
        investigate(instance, CREDIT_CODE);
        evidence.add(caseNumber, "DOCUMENTARY", "道路运输经营许可查询记录", "licence.txt", "text/plain",
                "无经营许可".getBytes(StandardCharsets.UTF_8), "xfhandler1");
        evidence.add(caseNumber, "INSPECTION_RECORD", "现场检查笔录", "record.txt", "text/plain",
                "现场笔录".getBytes(StandardCharsets.UTF_8), "xfhandler2");
        submit("xfhandler1", instance, "investigationReport", Map.of("facts", "当事人未取得道路运输经营许可，以营运车辆载客收费",
                "legalBasis", "《道路运输条例》第十条", "proposedOutcome", "penalty", "proposedFine", 20000,
                "partyType", "organisation", "violationCode", "YZ-KY-WZ"));
        submit("cityreviewer", instance, "legalReview", Map.of("reviewOpinion", "approve", "reviewComment", "事实清楚，证据确凿"));
        // filed 30 days ago, the notice served 20 days ago with its 送达回证: its periods have ended (Arts. 62, 64(1))
        jdbc.update("update case_file set filed_at = ? where case_number = ?", java.sql.Timestamp.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(30))), caseNumber);
        submit("xfhandler1", instance, "issueNotice", org.sanlian.support.Notices.served(TODAY.minusDays(20)));
        Map<String, Object> recheck = new HashMap<>(Map.of("statementMade", statementMade, "finalFine", 20000,
                "recheckConclusion", statementMade ? "陈述不能成立，维持拟处罚" : "当事人未陈述申辩"));
        if (statementMade) {
            recheck.put("statementSummary", "车辆系亲友自用，未收取费用");
        }
        submit("xfhandler1", instance, "statementAndRecheck", recheck);
        assertThat(instance).isWaitingAt("decidePenalty");
        return instance;
    }

    /** A value of an open task's form as Tasklist reads it for that officer (GET task/{id}/form-variables). */
    private String formVariable(String user, ProcessInstance instance, String taskKey, String name) {
        ResponseEntity<String> variables = get(user, "/engine-rest/task/" + task(taskKey, instance).getId()
                + "/form-variables?deserializeValues=false");
        assertThat(variables.getStatusCode().is2xxSuccessful()).as(variables.getBody()).isTrue();
        return json(variables).path(name).path("value").asText();
    }

    private void submit(String user, ProcessInstance instance, String taskKey, Map<String, Object> values) {
        assertThat(instance).isWaitingAt(taskKey);
        ResponseEntity<String> response = post(user, "/engine-rest/task/" + task(taskKey, instance).getId()
                + "/submit-form", variables(values));
        assertThat(response.getStatusCode()).as("%s by %s: %s", taskKey, user, response.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Every id of a flow element (task, event, gateway, flow) of the deployed process models. */
    private Set<String> bpmnIds() {
        Set<String> ids = new TreeSet<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            repositoryService.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowElement.class)
                    .forEach(element -> ids.add(element.getId()));
            ids.add(definition.getKey());
        }
        return ids;
    }

    private String caseNumberOf(ProcessInstance instance) {
        return (String) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName("caseNumber").singleResult().getValue();
    }


    private byte[] bytes(String user, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, DEMO_PASSWORD);
        ResponseEntity<byte[]> response = rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }



    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
