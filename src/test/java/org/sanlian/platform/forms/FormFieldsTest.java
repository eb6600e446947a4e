package org.sanlian.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sanlian.platform.FieldViolation;

@DisplayName("issue 11: a submit carries only the fields its Camunda Form declares, with the form's types")
class FormFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Path> everyForm() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(file -> file.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).hasSizeGreaterThan(50);
        return forms.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    @DisplayName("every form: each declared field with a value of its type passes; one undeclared extra variable is refused, named")
    void undeclaredExtraVariableIsRefused(Path form) throws IOException {
        FormFields fields = FormFields.parse(Files.newInputStream(form));
        ObjectNode declared = JSON.createObjectNode();
        fields.fields().values().forEach(field -> declared.set(field.key(), valueOf(field)));
        // every value passes its type check; only a field the form hides under these very values may be refused
        assertThat(fields.check(declared, name -> null)).as(form.toString()).allSatisfy(violation -> {
            assertThat(fields.fields().get(violation.field()).hiddenWhen()).isNotEmpty();
            assertThat(violation.message()).contains("表单不显示此项");
        });

        ObjectNode tampered = declared.deepCopy();
        tampered.set("proposedFineOverride", JSON.createObjectNode().put("value", 30000));
        List<String> hidden = fields.check(declared, name -> null).stream().map(FieldViolation::field).toList();
        assertThat(fields.check(tampered, name -> null)).extracting(FieldViolation::field)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(hidden.stream(), Stream.of("proposedFineOverride"))
                        .toList());
    }

    @Test
    @DisplayName("types as Tasklist sends them: text String, number Long/Double, checkbox Boolean, checklist Json text; others refused")
    void typesAsTasklistSendsThem() throws IOException {
        FormFields fields = FormFields.parse(Files.newInputStream(Path.of("forms/statementAndRecheck.form")));
        assertThat(fields.check(variables("""
                {"recheckConclusion": {"value": "无新事实", "type": "String"},
                 "finalFine": {"value": 2000, "type": "Long"},
                 "statementMade": {"value": true, "type": "Boolean"},
                 "hearingRequestedOn": {"value": null, "type": "Null"}}"""), name -> null)).isEmpty();
        assertThat(fields.check(variables("""
                {"finalFine": {"value": "2000"}, "statementMade": {"value": "true"},
                 "recheckConclusion": {"value": 1, "type": "Long"}}"""), name -> null))
                .extracting(FieldViolation::field).containsExactlyInAnyOrder("finalFine", "statementMade", "recheckConclusion");
    }

    @Test
    @DisplayName("a select or radio value outside the form's options, or a checklist item outside them, is refused")
    void optionsOnly() throws IOException {
        FormFields payment = FormFields.parse(Files.newInputStream(Path.of("forms/recordPayment.form")));
        assertThat(payment.check(variables("{\"paymentOutcome\": {\"value\": \"forgiven\"}}"), name -> null))
                .extracting(FieldViolation::field).containsExactly("paymentOutcome");
    }

    @Test
    @DisplayName("a read-only field may come back only with its current value")
    void readOnlyFieldsKeepTheirValue() throws IOException {
        FormFields fields = FormFields.parse(new java.io.ByteArrayInputStream("""
                {"components": [{"type": "group", "components": [
                  {"type": "number", "key": "notifiedFine", "label": "告知罚款", "readonly": true},
                  {"type": "textfield", "key": "note", "label": "备注"}]}]}""".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(fields.check(variables("{\"notifiedFine\": {\"value\": 2000, \"type\": \"Long\"}, \"note\": {\"value\": \"x\"}}"),
                name -> name.equals("notifiedFine") ? 2000L : null)).isEmpty();
        assertThat(fields.check(variables("{\"notifiedFine\": {\"value\": 50000, \"type\": \"Long\"}}"),
                name -> name.equals("notifiedFine") ? 2000L : null))
                .extracting(FieldViolation::field).containsExactly("notifiedFine");
    }

    @Test
    @DisplayName("form-js submits only the fields it shows: a fine with 不予处罚 or a deferral's reason with 已缴纳 is "
            + "refused, named; the same fields with the choice that shows them pass; empty values of hidden fields pass")
    void hiddenFieldsTakeNoValue() throws IOException {
        FormFields report = FormFields.parse(Files.newInputStream(Path.of("forms/investigationReport.form")));
        assertThat(report.check(variables("""
                {"proposedOutcome": {"value": "noPenalty", "type": "String"},
                 "proposedFine": {"value": 20000, "type": "Long"}}"""), name -> null))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.field()).isEqualTo("proposedFine");
                    assertThat(violation.message()).contains("表单不显示此项").contains("proposedOutcome != \"penalty\"");
                });
        assertThat(report.check(variables("""
                {"proposedOutcome": {"value": "penalty", "type": "String"},
                 "proposedFine": {"value": 20000, "type": "Long"}}"""), name -> null)).isEmpty();
        assertThat(report.check(variables("""
                {"proposedOutcome": {"value": "noPenalty", "type": "String"},
                 "proposedFine": {"value": null, "type": "Null"}, "deviationReason": {"value": "", "type": "String"}}"""),
                name -> null)).isEmpty();
        // the choice made at an earlier submit counts when this one does not carry it, as in Tasklist's form
        assertThat(report.check(variables("{\"proposedFine\": {\"value\": 500, \"type\": \"Long\"}}"),
                name -> name.equals("proposedOutcome") ? "notEstablished" : null))
                .extracting(FieldViolation::field).containsExactly("proposedFine");

        FormFields payment = FormFields.parse(Files.newInputStream(Path.of("forms/recordPayment.form")));
        assertThat(payment.check(variables("""
                {"paymentOutcome": {"value": "paid", "type": "String"}, "paidOn": {"value": "2026-12-01", "type": "String"},
                 "amountPaid": {"value": 2000, "type": "Long"},
                 "deferralReason": {"value": "经济困难", "type": "String"}}"""), name -> null))
                .extracting(FieldViolation::field).containsExactly("deferralReason");
    }

    @Test
    @DisplayName("a date field (form-js datetime, subtype date) takes a day as text, in a form the date rules read "
            + "(2026-12-05, 2026年12月5日, an ISO date-time); 明天, 2026-02-30 or a number are refused, named; empty passes")
    void datesAreDays() throws IOException {
        FormFields filing = FormFields.parse(Files.newInputStream(Path.of("forms/decideFiling.form")));
        for (String day : List.of("2026-12-05", "2026年12月5日", "2026-12-05T00:00:00.000+0800", "")) {
            assertThat(filing.check(variables("{\"occurredOn\": {\"value\": \"" + day + "\", \"type\": \"String\"}}"),
                    name -> null)).as(day).isEmpty();
        }
        for (String notADay : List.of("\"明天\"", "\"2026-02-30\"", "20261205")) {
            assertThat(filing.check(variables("{\"occurredOn\": {\"value\": " + notADay + "}}"), name -> null))
                    .as(notADay).extracting(FieldViolation::field).containsExactly("occurredOn");
            assertThat(filing.checkTypes(variables("{\"occurredOn\": {\"value\": " + notADay + "}}")))
                    .as(notADay).extracting(FieldViolation::field).containsExactly("occurredOn");
        }
    }

    @Test
    @DisplayName("issue 16, the administrator's submit: a declared field of another type (checkbox as a number, number as "
            + "text, radio outside its options, text as a number) is refused, named; an undeclared variable, a read-only "
            + "field's new value, a hidden field's value and a text past its length are not this check's")
    void administratorIsHeldToTypesOnly() throws IOException {
        FormFields recheck = FormFields.parse(Files.newInputStream(Path.of("forms/statementAndRecheck.form")));
        assertThat(recheck.checkTypes(variables("""
                {"statementMade": {"value": 1.5, "type": "Double"}, "finalFine": {"value": "2000"},
                 "recheckConclusion": {"value": 1, "type": "Long"}, "adminNote": {"value": 1.5, "type": "Double"}}""")))
                .extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("statementMade", "finalFine", "recheckConclusion");
        FormFields payment = FormFields.parse(Files.newInputStream(Path.of("forms/recordPayment.form")));
        assertThat(payment.checkTypes(variables("{\"paymentOutcome\": {\"value\": \"forgiven\"}}")))
                .extracting(FieldViolation::field).containsExactly("paymentOutcome");
        // 已缴纳 hides the deferral's reason; the administrator's repair is not refused for it, nor for its length
        assertThat(payment.checkTypes(variables("""
                {"paymentOutcome": {"value": "paid", "type": "String"},
                 "deferralReason": {"value": "%s", "type": "String"},
                 "adminNote": {"value": "x"}}""".formatted("长".repeat(30_000))))).isEmpty();
        FormFields readOnly = FormFields.parse(new java.io.ByteArrayInputStream("""
                {"components": [{"type": "number", "key": "notifiedFine", "label": "告知罚款", "readonly": true}]}"""
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(readOnly.checkTypes(variables("{\"notifiedFine\": {\"value\": 50000, \"type\": \"Long\"}}")))
                .isEmpty();
        assertThat(readOnly.checkTypes(variables("{\"notifiedFine\": {\"value\": \"五万\"}}")))
                .extracting(FieldViolation::field).containsExactly("notifiedFine");
    }

    private static JsonNode variables(String json) throws IOException {
        return JSON.readTree(json);
    }

    /** A value of the field's kind, as Tasklist would send it. */
    private static JsonNode valueOf(FormFields.Field field) {
        ObjectNode variable = JSON.createObjectNode();
        switch (field.kind()) {
            case TEXT -> variable.put("value", field.options().isEmpty() ? "甲" : field.options().keySet().iterator().next())
                    .put("type", "String");
            case DATE -> variable.put("value", "2026-12-05").put("type", "String");
            case NUMBER -> variable.put("value", 1).put("type", "Long");
            case BOOLEAN -> variable.put("value", true).put("type", "Boolean");
            case LIST -> variable.put("value", field.options().isEmpty() ? "[\"a\"]"
                    : "[\"" + field.options().keySet().iterator().next() + "\"]").put("type", "Json");
        }
        return variable;
    }
}
