package org.sanlian.network;

import org.sanlian.platform.ChinaTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("One lead pool across all bodies (issue 5): de-duplicated by credit code / ID number, plate and date; shows who holds each lead")
public class LeadPoolTest extends NetworkTestSupport {

    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    /** A plate no other test uses, so the pool holds only this test's leads for it. */
    public static String freshPlate() {
        StringBuilder plate = new StringBuilder("甘M");
        for (int i = 0; i < 5; i++) {
            plate.append(PLATE_LETTERS.charAt(ThreadLocalRandom.current().nextInt(PLATE_LETTERS.length())));
        }
        return plate.toString();
    }

    /** A 统一社会信用代码 no other test uses, with its GB 32100 check character. */
    static String creditCode() {
        String characters = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        String body = "91621000MA" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += characters.indexOf(body.charAt(i)) * weights[i];
        }
        return body + characters.charAt((31 - sum % 31) % 31);
    }

    public static String yesterday() {
        return LocalDate.now(ChinaTime.CHINA).minusDays(1).toString();
    }

    private ResponseEntity<String> register(String user, Map<String, Object> extra) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("source", "INSPECTION");
        values.put("partyName", "案源池当事人");
        values.put("summary", "未取得道路运输经营许可从事旅客运输");
        values.putAll(extra);
        return post(user, "/engine-rest/process-definition/key/leadIntake/submit-form", variables(values));
    }

    private JsonNode registered(String user, Map<String, Object> extra) {
        ResponseEntity<String> response = register(user, extra);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
        return json(response);
    }

    private JsonNode pool(String user, String query) {
        return json(get(user, "/api/lead-pool?" + query));
    }

    private static JsonNode registrationOf(JsonNode registrations, String leadNumber) {
        for (JsonNode r : registrations) {
            if (r.path("leadNumber").asText().equals(leadNumber)) {
                return r;
            }
        }
        throw new AssertionError("no registration of " + leadNumber + " in " + registrations);
    }

    @Test
    @DisplayName("a lead registered twice for the same plate and date by 西峰大队 and 庆城县 ends up as one lead held by the first; both registrants are told who holds it (行政处罚法 Arts. 25, 29)")
    void samePlateAndDateByTwoBodiesIsOneLead() {
        String plate = freshPlate();
        String date = yesterday();
        JsonNode first = registered("xfhandler1", Map.of("plateNumber", plate, "occurredOn", date));
        String leadNumber = first.path("businessKey").asText();
        JsonNode second = registered("qchandler1", Map.of("plateNumber", plate, "occurredOn", date,
                "partyName", "同一车辆另一登记"));
        assertThat(second.path("businessKey").asText()).isEqualTo(leadNumber);

        JsonNode entries = pool("police1", "plateNumber=" + plate + "&occurredOn=" + date);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("leadNumber").asText()).isEqualTo(leadNumber);
        assertThat(entries.get(0).path("holder").asText()).isEqualTo("xifeng");
        assertThat(entries.get(0).path("registrations").findValuesAsText("organisationCode"))
                .containsExactly("xifeng", "qingcheng");
        assertThat(entries.get(0).path("registrations").findValuesAsText("merged")).containsExactly("false", "true");
        // the process analyst is no body's officer and never reads who registered which party's act (operators.md)
        ResponseEntity<String> byAnalyst = get("analyst", "/api/lead-pool?plateNumber=" + plate + "&occurredOn=" + date);
        assertThat(byAnalyst.getStatusCode()).isEqualTo(org.springframework.http.HttpStatus.FORBIDDEN);
        assertThat(byAnalyst.getBody()).doesNotContain(leadNumber);

        // the second registrant: a Tasklist task naming the lead and its holder, and its registrations list
        String secondInstance = second.path("id").asText();
        JsonNode notice = json(get("qchandler1", "/engine-rest/task?processInstanceId=" + secondInstance)).get(0);
        assertThat(notice.path("taskDefinitionKey").asText()).isEqualTo("duplicateLeadNotice");
        assertThat(notice.path("assignee").asText()).isEqualTo("qchandler1");
        JsonNode told = json(get("qchandler1", "/engine-rest/task/" + notice.path("id").asText() + "/variables"));
        assertThat(told.path("leadHolderName").path("value").asText()).isEqualTo("庆阳市交通运输综合行政执法队西峰大队");
        assertThat(told.path("leadNumber").path("value").asText()).isEqualTo(leadNumber);
        // what the notice's two texts choose by: held by another body (庆城 registered, 西峰 holds)
        assertThat(told.path("registeringOrganisation").path("value").asText()).isEqualTo("qingcheng");
        assertThat(told.path("leadHolder").path("value").asText()).isEqualTo("xifeng");
        JsonNode mine = registrationOf(json(get("qchandler1", "/api/lead-pool/registrations")), leadNumber);
        assertThat(mine.path("merged").asBoolean()).isTrue();
        assertThat(mine.path("holderName").asText()).isEqualTo("庆阳市交通运输综合行政执法队西峰大队");

        // the holder: its registration and the lead's record name the other body
        JsonNode held = registrationOf(json(get("xfhandler1", "/api/lead-pool/registrations")), leadNumber);
        assertThat(held.path("merged").asBoolean()).isFalse();
        assertThat(held.path("holder").asText()).isEqualTo("xifeng");
        JsonNode history = json(get("xfhandler1", "/api/leads/" + leadNumber)).path("history");
        assertThat(history.findValuesAsText("status")).containsExactly("REGISTERED", "MERGED");
        assertThat(history.get(1).path("note").asText()).contains("庆城县交通运输综合行政执法队", "qchandler1", plate);

        // only one lead was opened, and only the holder verifies it
        assertThat(json(get("qchandler1", "/api/leads")).findValuesAsText("leadNumber")).doesNotContain(leadNumber);
        assertThat(json(get("xfhandler1", "/engine-rest/task?processInstanceBusinessKey=" + leadNumber))
                .findValuesAsText("taskDefinitionKey")).containsExactly("verifyLead");

        submit("qchandler1", secondInstance, Map.of("noticeAcknowledged", true));
        assertThat(processEngine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(secondInstance).activityId("leadMerged").count()).isEqualTo(1);
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: the same act registered twice by one body is one lead; the notice says it is the body's own (found in Chromium: 案源已由他单位持有 naming the officer's own 西峰大队)")
    void theSameActTwiceInOneBodyIsToldAsItsOwn() {
        String plate = freshPlate();
        String date = yesterday();
        String leadNumber = registered("xfhandler1", Map.of("plateNumber", plate, "occurredOn", date))
                .path("businessKey").asText();
        JsonNode again = registered("xfhandler2", Map.of("plateNumber", plate, "occurredOn", date,
                "partyName", "同一大队再次登记"));
        assertThat(again.path("businessKey").asText()).isEqualTo(leadNumber);
        JsonNode notice = json(get("xfhandler2", "/engine-rest/task?processInstanceId=" + again.path("id").asText())).get(0);
        assertThat(notice.path("name").asText()).isEqualTo("案源已在案源池中");
        JsonNode told = json(get("xfhandler2", "/engine-rest/task/" + notice.path("id").asText() + "/variables"));
        // the notice's text for the body's own lead is the one shown (its hide condition: leadHolder != registeringOrganisation)
        assertThat(told.path("leadHolder").path("value").asText())
                .isEqualTo(told.path("registeringOrganisation").path("value").asText()).isEqualTo("xifeng");
    }

    @Test
    @DisplayName("the same unified social credit code on the same date is one lead, even with another plate; another date is another act")
    void samePartyAndDateIsOneLead() {
        String creditCode = creditCode();
        String date = yesterday();
        String first = registered("xfhandler1", Map.of("partyIdNumber", creditCode, "occurredOn", date,
                "plateNumber", freshPlate())).path("businessKey").asText();
        String second = registered("bureau1", Map.of("partyIdNumber", creditCode, "occurredOn", date,
                "plateNumber", freshPlate())).path("businessKey").asText();
        String otherDay = registered("xfhandler1", Map.of("partyIdNumber", creditCode,
                "occurredOn", LocalDate.parse(date).minusDays(1).toString())).path("businessKey").asText();
        assertThat(second).isEqualTo(first);
        assertThat(otherDay).isNotEqualTo(first);
        JsonNode entries = pool("xfhandler1", "partyIdNumber=" + creditCode + "&occurredOn=" + date);
        assertThat(entries.findValuesAsText("leadNumber")).containsExactly(first);
        assertThat(entries.get(0).path("registrations").findValuesAsText("organisationCode"))
                .containsExactly("xifeng", "xfbureau");
    }

    @Test
    @DisplayName("two bodies registering the same plate and date at the same moment never both open a lead (row lock on the pool, unique key per act)")
    void concurrentRegistrationsOpenOneLead() throws Exception {
        String plate = freshPlate();
        String date = yesterday();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
            for (String user : List.of("xfhandler1", "qchandler1")) {
                calls.add(() -> register(user, Map.of("plateNumber", plate, "occurredOn", date)));
            }
            List<String> keys = new ArrayList<>();
            for (Future<ResponseEntity<String>> done : pool.invokeAll(calls)) {
                ResponseEntity<String> response = done.get();
                assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
                keys.add(json(response).path("businessKey").asText());
            }
            assertThat(keys.get(0)).isEqualTo(keys.get(1));
        } finally {
            pool.shutdown();
        }
        JsonNode entries = pool("citysupervisor", "plateNumber=" + plate + "&occurredOn=" + date);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("registrations").findValuesAsText("merged"))
                .containsExactlyInAnyOrder("false", "true");
    }

    @Test
    @DisplayName("行政处罚法 Art. 22: a lead is routed by the place of the act (GB/T 2260) — 庆城县 621021 to 庆城县执法队, 市本级 621000 to the city team; a place outside the network is refused naming areaCode")
    void routedByPlaceOfTheAct() {
        String toQingcheng = registered("bureau1", Map.of("areaCode", "621021")).path("id").asText();
        assertThat(json(get("qchandler1", "/engine-rest/task?processInstanceId=" + toQingcheng))
                .findValuesAsText("taskDefinitionKey")).containsExactly("verifyLead");
        assertThat(json(get("xfhandler1", "/engine-rest/task?processInstanceId=" + toQingcheng))).isEmpty();
        String leadNumber = processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(toQingcheng).singleResult().getBusinessKey();
        assertThat(json(get("qchandler1", "/api/leads/" + leadNumber)).path("lead").path("organisationCode").asText())
                .isEqualTo("qingcheng");

        String toCity = registered("xfhandler1", Map.of("areaCode", "621000")).path("businessKey").asText();
        assertThat(json(get("citysupervisor", "/api/leads/" + toCity)).path("lead").path("organisationCode").asText())
                .isEqualTo("qycity");

        ResponseEntity<String> outside = register("xfhandler1", Map.of("areaCode", "620102"));
        assertThat(outside.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(outside).path("errors").findValuesAsText("field")).containsExactly("areaCode");
    }

    @Test
    @DisplayName("行政处罚法 Art. 22: 登记案源 offers as the place of the act the areas of the configured enforcement bodies, by name, the city's own (市本级) last")
    void registrationOffersTheConfiguredAreas() {
        JsonNode form = json(get("xfhandler1", "/engine-rest/process-definition/key/leadIntake/deployed-start-form"));
        JsonNode area = null;
        for (JsonNode component : form.path("components")) {
            if ("areaCode".equals(component.path("key").asText())) {
                area = component;
            }
        }
        assertThat(area).as("the form's 违法行为发生地").isNotNull();
        assertThat(area.path("values").findValuesAsText("value")).containsExactly("621002", "621021", "621022",
                "621023", "621024", "621025", "621026", "621027", "621000");
        assertThat(area.path("values").findValuesAsText("label")).startsWith("西峰区", "庆城县").endsWith("庆阳市（市本级）");
    }

    @Test
    @DisplayName("a malformed credit code / ID number, or one with a wrong check character, is refused naming partyIdNumber (GB 32100, GB 11643)")
    void badPartyIdIsRefused() {
        String valid = creditCode();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        for (String bad : List.of("12345", valid.substring(0, 17) + wrong)) {
            ResponseEntity<String> refused = register("xfhandler1", Map.of("partyIdNumber", bad));
            assertThat(refused.getStatusCode()).as(bad).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(json(refused).path("errors").findValuesAsText("field")).containsExactly("partyIdNumber");
        }
    }
}
