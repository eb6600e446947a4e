package org.sanlian.penalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every rule of the DMN table discretion, with the values on both sides of each threshold (domain.md §4). */
class DiscretionTableTest extends SanlianSpringTest {

    @ParameterizedTest(name = "{10}: {0}, tier {1}, {2} earlier in 12 months, {3}, harm {4} → {5} {6}–{7}, suggested {8}, illustrative {9}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            // unlicensed passenger transport, statutory 10,000–100,000: repeat 0 | 1 | 2, harm slight | serious, tier general | serious, citizen | organisation
            "YZ-KY-WZ|general|0|citizen|none|责令停止经营,没收违法所得,罚款|10000|20000|10000|true|《中华人民共和国道路运输条例》第六十三条第（二）项",
            "YZ-KY-WZ|general|1|citizen|none|责令停止经营,没收违法所得,罚款|20000|50000|20000|true|《中华人民共和国道路运输条例》第六十三条第（二）项",
            "YZ-KY-WZ|general|2|citizen|none|责令停止经营,没收违法所得,罚款|50000|100000|50000|true|《中华人民共和国道路运输条例》第六十三条第（二）项",
            "YZ-KY-WZ|general|0|citizen|slight|责令停止经营,没收违法所得,罚款|10000|20000|10000|true|《中华人民共和国道路运输条例》第六十三条第（二）项",
            "YZ-KY-WZ|general|0|citizen|serious|责令停止经营,没收违法所得,罚款|50000|100000|50000|true|《中华人民共和国道路运输条例》第六十三条第（二）项",
            "YZ-KY-WZ|serious|0|citizen|none|责令停止经营,没收违法所得,罚款|50000|100000|50000|true|《中华人民共和国道路运输条例》第六十三条第（二）项",
            "YZ-KY-WZ|general|0|organisation|none|责令停止经营,没收违法所得,罚款|20000|50000|20000|true|《中华人民共和国道路运输条例》第六十三条第（二）项",
            // unlicensed freight: statutory serious tier 10,000–50,000; illustrative first/second/third
            "YZ-HY-WZ|serious|0|citizen|none|责令停止经营,没收违法所得,罚款|10000|50000|10000|false|《中华人民共和国道路运输条例》第六十三条第（一）项",
            "YZ-HY-WZ|general|0|citizen|none|责令停止经营,没收违法所得,罚款|3000|5000|3000|true|《中华人民共和国道路运输条例》第六十三条第（一）项",
            "YZ-HY-WZ|general|1|citizen|none|责令停止经营,没收违法所得,罚款|5000|8000|5000|true|《中华人民共和国道路运输条例》第六十三条第（一）项",
            "YZ-HY-WZ|general|2|citizen|none|责令停止经营,没收违法所得,罚款|8000|10000|10000|true|《中华人民共和国道路运输条例》第六十三条第（一）项",
            "YZ-HY-WZ|general|5|organisation|none|责令停止经营,没收违法所得,罚款|8000|10000|10000|true|《中华人民共和国道路运输条例》第六十三条第（一）项",
            // unlicensed dangerous goods, statutory 30,000–100,000
            "YZ-WH-WZ|general|0|organisation|slight|责令停止经营,没收违法所得,罚款|30000|60000|30000|true|《中华人民共和国道路运输条例》第六十三条第（三）项",
            "YZ-WH-WZ|general|1|organisation|none|责令停止经营,没收违法所得,罚款|60000|100000|60000|true|《中华人民共和国道路运输条例》第六十三条第（三）项",
            "YZ-WH-WZ|general|0|organisation|serious|责令停止经营,没收违法所得,罚款|60000|100000|60000|true|《中华人民共和国道路运输条例》第六十三条第（三）项",
            "YZ-WH-WZ|serious|0|organisation|none|责令停止经营,没收违法所得,罚款|60000|100000|60000|true|《中华人民共和国道路运输条例》第六十三条第（三）项",
            // driver without qualification, statutory 200–2,000
            "YZ-JSY|general|0|citizen|none|罚款|200|1000|200|true|《中华人民共和国道路运输条例》第六十四条",
            "YZ-JSY|general|1|citizen|none|罚款|1000|2000|1000|true|《中华人民共和国道路运输条例》第六十四条",
            // statutory ranges without tiers
            "YZ-KY-XL|general|0|organisation|none|罚款|1000|2000|1000|false|《中华人民共和国道路运输条例》第六十八条第一款",
            "YZ-KY-XL|serious|0|organisation|none|罚款,吊销许可|1000|2000|2000|false|《中华人民共和国道路运输条例》第六十八条第一款",
            "YZ-WH-JC|general|0|organisation|none|罚款|1000|5000|1000|false|《中华人民共和国道路运输条例》第六十九条",
            "CZ-XY-WZ|general|0|citizen|none|责令改正,罚款|5000|20000|5000|false|《巡游出租汽车经营服务管理规定》",
            "CZ-WY-YSZ|general|0|citizen|none|责令改正,警告,罚款|3000|10000|3000|false|《网络预约出租汽车经营服务管理暂行办法》第三十四条",
            "CZ-WY-JSZ|general|0|citizen|none|责令改正,警告,罚款|200|2000|200|false|《网络预约出租汽车经营服务管理暂行办法》第三十四条",
            "CZ-XY-JZ|general|0|citizen|none|罚款|200|500|200|true|《巡游出租汽车经营服务管理规定》",
            "LZ-CX|general|0|organisation|none|责令改正,罚款|0|30000|null|false|《公路安全保护条例》第六十四条",
            "LZ-ZY|general|0|organisation|none|责令停止违法行为,罚款|0|30000|null|false|《中华人民共和国公路法》第七十六条第（一）项",
            "LZ-PS|general|0|citizen|none|责令改正,罚款|0|5000|null|false|《公路安全保护条例》第六十九条",
            // not a fixed amount: only the catalogue's statutory range applies, and the table names no basis of its own
            "YZ-BX|general|0|organisation|none|null|null|null|null|false|null"})
    void discretion(String code, String tier, int repeat, String partyType, String harm, String kinds, Double min,
            Double max, Double suggested, boolean illustrative, String basis) {
        ResponseEntity<String> result = post("analyst", "/engine-rest/decision-definition/key/discretion/evaluate",
                variables(Map.of("violationCode", code, "circumstanceTier", tier, "repeatCount", repeat,
                        "partyType", partyType, "harm", harm)));
        assertThat(result.getStatusCode()).as(result.getBody()).isEqualTo(HttpStatus.OK);
        JsonNode row = json(result).get(0);
        JsonNode kindsValue = row.path("penaltyKinds").path("value");
        assertThat(kindsValue.isNull() || kindsValue.isMissingNode() ? null : kindsValue.asText()).isEqualTo(kinds);
        assertThat(number(row, "minFine")).isEqualTo(min);
        assertThat(number(row, "maxFine")).isEqualTo(max);
        assertThat(number(row, "suggestedFine")).isEqualTo(suggested);
        assertThat(row.path("illustrative").path("value").asBoolean()).isEqualTo(illustrative);
        if (basis == null) {
            JsonNode noBasis = row.path("basis").path("value");
            assertThat(noBasis.isNull() || noBasis.isMissingNode()).as(row.toString()).isTrue();
            assertThat(row.path("note").path("value").asText()).contains("违法行为目录的法定幅度");
            return;
        }
        assertThat(row.path("basis").path("value").asText()).contains(basis);
        // 行政处罚法 Art. 59(3): the basis is printed on the decision — a provision, never the table's own note
        assertThat(row.path("basis").path("value").asText()).doesNotContain("示例", "待核", "裁量基准");
        if (illustrative) {
            assertThat(row.path("note").path("value").asText()).contains("示例", "非法律规定");
        }
    }

    private static Double number(JsonNode row, String name) {
        JsonNode value = row.path(name).path("value");
        return value.isNull() || value.isMissingNode() ? null : value.asDouble();
    }
}
