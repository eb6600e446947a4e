package org.sanlian.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A field the server refuses to do without shows it in the form: form-js 1.8.7 (schema 16) marks {@code
 * validate.required} with a *, and checks it only while the field is shown, so a field shown only under the
 * condition the server requires it under carries it too. A field required under some other condition says so in
 * its label or description (…时必填), as that version cannot mark it conditionally.
 *
 * <p>What the server requires is read from the step rules' source, by the idioms they parse a submit with: {@code
 * FormFields.required / pastDate / anyDate / choice / approval}, {@code Inputs.required}, a tick that must be given
 * ({@code if (!form.flag("…"))}), and a refusal naming the field with 必填 / 须写明 / 须填写 / 须记录 / 须选择 / 须列明.
 * A field is matched by its key in every form that has one, so a key another module requires in another form of
 * its own is listed below with the reason this form's field is optional. A requirement phrased otherwise is not
 * seen: the scan finds what it finds, it does not prove the absence of others.
 */
@DisplayName("issue: Tasklist's forms mark with * (or say …时必填) every field the server refuses to do without")
class FormsMarkWhatTheServerRequiresTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Pattern> REQUIRING = List.of(
            Pattern.compile("\\.(?:required|pastDate|anyDate|choice|approval|requiredDate)\\(\\s*\"(\\w+)\""),
            Pattern.compile("if \\(!form\\.flag\\(\"(\\w+)\"\\)\\)"),
            Pattern.compile("(?:reject|FieldViolation|InvalidInputException)\\(\\s*\"(\\w+)\",\\s*\"[^\"]*"
                    + "(?:必填|须写明|须填写|须记录|须选择|须列明)"));

    /** form/key → why the server leaves this form's field optional, though a rule requires a field of that key. */
    private static final String ACT_DAY_OF_A_LEAD = "a lead may be registered without the day of the act "
            + "(LeadService); the summary procedure's start requires it, and a penalty decision is refused without it "
            + "(DecisionRules, 行政处罚法第二十九条)";

    private static final Map<String, String> OPTIONAL_HERE = Map.of(
            "registerLead/occurredOn", ACT_DAY_OF_A_LEAD,
            "verifyLead/occurredOn", ACT_DAY_OF_A_LEAD,
            "decideFiling/occurredOn", ACT_DAY_OF_A_LEAD,
            "registerBureauLead/occurredOn", ACT_DAY_OF_A_LEAD,
            "decidePenalty/finalFine", "empty keeps the re-checked fine (DecisionRules.PenaltyDecision)",
            "recordPoliceFilingDecision/itemsHandedOverOn",
            "read only when given: a case may have no seized items (PoliceFilings.Command)",
            "registerLead/place", "JointOperations requires its own 地点 (planJointOperation); a lead's is optional",
            "registerHandOver/place", "JointOperations requires its own 地点 (planJointOperation); a hand-over's is optional",
            "registerBureauLead/place", "JointOperations requires its own 地点 (planJointOperation); a bureau lead's is optional");

    @Test
    @DisplayName("every field a step rule requires is marked required in each form that shows it, or its words say when it is")
    void everyFieldTheServerRequiresIsMarked() throws IOException {
        Map<String, List<String>> required = requiredByTheServer();
        List<String> unmarked = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                String name = form.getFileName().toString().replace(".form", "");
                List<JsonNode> fields = new ArrayList<>();
                collect(JSON.readTree(form.toFile()).path("components"), fields);
                for (JsonNode field : fields) {
                    String key = field.path("key").asText();
                    if (required.containsKey(key) && !marked(field) && !OPTIONAL_HERE.containsKey(name + "/" + key)) {
                        unmarked.add(name + ".form " + key + "（" + FormFields.labelOf(field, key) + "）, required at "
                                + required.get(key));
                    }
                }
            }
        }
        assertThat(unmarked).as("fields the server requires that the form shows as optional").isEmpty();
    }

    @Test
    @DisplayName("the scan sees the rules: 复核后罚款金额 (陈述申辩与复核, 当场处罚的告知) is one the server requires")
    void theScanSeesTheRules() throws IOException {
        assertThat(requiredByTheServer()).containsKeys("finalFine", "recheckConclusion", "toldRights", "paidOn",
                "deferralReason", "partySignature");
    }

    private static boolean marked(JsonNode field) {
        String words = field.path("label").asText("") + field.path("dateLabel").asText("")
                + field.path("description").asText("");
        boolean readOnly = field.path("readonly").asBoolean(false) || field.path("disabled").asBoolean(false);
        return readOnly || field.path("validate").path("required").asBoolean(false) || words.matches(".*(必填|必选).*");
    }

    private static void collect(JsonNode components, List<JsonNode> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            if (component.hasNonNull("key") && !List.of("text", "button", "group").contains(
                    component.path("type").asText())) {
                fields.add(component);
            }
        }
    }

    /** key → the places (File.java:line) a rule requires it. */
    private static Map<String, List<String>> requiredByTheServer() throws IOException {
        Map<String, TreeSet<String>> found = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : REQUIRING) {
                    Matcher match = pattern.matcher(text);
                    while (match.find()) {
                        int line = (int) text.substring(0, match.start()).chars().filter(c -> c == '\n').count() + 1;
                        found.computeIfAbsent(match.group(1), key -> new TreeSet<>())
                                .add(source.getFileName() + ":" + line);
                    }
                }
            }
        }
        Map<String, List<String>> required = new TreeMap<>();
        found.forEach((key, places) -> required.put(key, List.copyOf(places)));
        return required;
    }
}
