package org.sanlian.platform.identifiers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("party and vehicle identifiers (domain.md §2.2 parties; GB 11643, GB 32100, GA 36)")
class ChineseIdentifiersTest {

    @ParameterizedTest(name = "GB 11643-1999: {0} → {1} ({2})")
    @CsvSource({
            "11010519491231002X, true, the standard's own example, check character X",
            "11010519491231002x, true, lower-case x is read as X",
            "621002199003071235, true, check digit 5",
            "621002199003071234, false, wrong check digit",
            "621002199002301230, false, 30 February is no birth date",
            "62100219900307123, false, 17 characters",
            "62100219900307123A, false, a letter other than X"
    })
    void residentId(String value, boolean valid, String why) {
        assertThat(ChineseIdentifiers.isResidentId(value)).as(why).isEqualTo(valid);
    }

    @ParameterizedTest(name = "GB 32100-2015: {0} → {1} ({2})")
    @CsvSource({
            "91350100M000100Y43, true, check character 3",
            "91621002MA7XY12341, true, check character 1",
            "91621002MA7XY12342, false, wrong check character",
            "91621002MA7XY1234I, false, I is not a code character",
            "9162100MA7XY12341, false, 17 characters"
    })
    void creditCode(String value, boolean valid, String why) {
        assertThat(ChineseIdentifiers.isCreditCode(value)).as(why).isEqualTo(valid);
    }

    @ParameterizedTest(name = "GA 36: plate {0} → {1}")
    @CsvSource({"甘M12345, true", "甘m12345, true", "甘MD12345, true", "甘M1234, false", "XM12345, false", "甘I12345, false"})
    void plate(String value, boolean valid) {
        assertThat(ChineseIdentifiers.isPlate(value)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "a party identifier is read by its shape: {0} → {1}")
    @CsvSource({"621002199003071235, true", "91621002MA7XY12341, true", "621002199003071234, false",
            "91621002MA7XY12342, false",
            // a credit code of digits only has an ID number's shape (found in Chromium: refused as 出生日期不正确)
            "916210027100028526, true", "916210027100028527, false"})
    void partyId(String value, boolean valid) {
        assertThat(ChineseIdentifiers.isPartyId(value)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "GB 32100 in digits only: {0} is a {1}; what is wrong with it: \"{2}\"")
    @CsvSource({
            "916210027100028526, CREDIT_CODE, ''",
            "621002199003071235, RESIDENT_ID, ''",
            "916210027100028527, RESIDENT_ID, 身份证号码中的出生日期不正确"
    })
    void allDigitCreditCode(String value, ChineseIdentifiers.Kind kind, String problem) {
        assertThat(ChineseIdentifiers.kindOf(value)).isEqualTo(kind);
        assertThat(ChineseIdentifiers.checkProblem(value).orElse("")).isEqualTo(problem);
    }
}
