package org.sanlian.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@DisplayName("domain.md §3.3: each organisation's case-number format, set by the administrator")
class CaseNumberFormatTest extends SanlianSpringTest {

    @Autowired
    CaseNumbers caseNumbers;

    @Test
    @DisplayName("the administrator sets prefix and format (GB/T 9704 style or with 第…号); a format without {type}, {year} or {seq} is refused; only the administrator may change it")
    void administratorSetsTheFormat() {
        String path = "/api/organisations/huanxian/numbering";
        assertThat(json(get("xfhandler1", path)).path("numberFormat").asText()).isEqualTo("{prefix}{type}〔{year}〕{seq}号");

        assertThat(call("xfhead", HttpMethod.PUT, path, Map.of("numberPrefix", "环交执", "numberFormat",
                "{prefix}{type}〔{year}〕第{seq}号")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> noSequence = call("admin", HttpMethod.PUT, path, Map.of("numberPrefix", "环交执",
                "numberFormat", "{prefix}{type}〔{year}〕号"));
        assertThat(noSequence.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json(noSequence).path("errors").get(0).path("field").asText()).isEqualTo("numberFormat");
        assertThat(json(noSequence).path("errors").get(0).path("message").asText()).contains("{seq}");

        CaseNumber before = caseNumbers.allocate("huanxian", NumberType.PENALTY_DECISION, 2035, null, "t");
        assertThat(call("admin", HttpMethod.PUT, path, Map.of("numberPrefix", "环县交执", "numberFormat",
                "{prefix}{type}〔{year}〕第{seq}号")).getStatusCode()).isEqualTo(HttpStatus.OK);
        CaseNumber after = caseNumbers.allocate("huanxian", NumberType.PENALTY_DECISION, 2035, null, "t");
        assertThat(after.getFormatted()).isEqualTo("环县交执罚〔2035〕第" + (before.getSequenceValue() + 1) + "号");
        assertThat(caseNumbers.series("huanxian", 2035, NumberType.PENALTY_DECISION).get(0).getFormatted())
                .isEqualTo(before.getFormatted());
        assertThat(call("admin", HttpMethod.PUT, path, Map.of("numberPrefix", "环交执", "numberFormat",
                "{prefix}{type}〔{year}〕{seq}号")).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
