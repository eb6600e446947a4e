package org.sanlian.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("公示 redaction (行政处罚法 Art. 48; 个人信息保护法 Art. 28): a person by surname only, an organisation in full")
class RedactionTest {

    @Test
    @DisplayName("a natural person keeps the surname; every other character is masked; ID number and address are never kept")
    void naturalPersonBySurnameOnly() {
        Redaction.PublishedParty party = Redaction.of(Redaction.PartyKind.PERSON, "张三丰", "11010519491231002X");
        assertThat(party.name()).isEqualTo("张**");
        assertThat(party.creditCode()).isNull();
        assertThat(Redaction.maskPersonName("李四")).isEqualTo("李*");
        assertThat(Redaction.maskPersonName(" 欧阳娜娜 ")).isEqualTo("欧***");
        assertThat(Redaction.maskPersonName("𠀀明")).as("a surname outside the BMP is one character").isEqualTo("𠀀*");
    }

    @Test
    @DisplayName("an organisation keeps its name and unified social credit code (public register data)")
    void organisationInFull() {
        Redaction.PublishedParty party = Redaction.of(Redaction.PartyKind.ORGANISATION, "庆阳顺达运输有限公司",
                "91621002MA7XY12341");
        assertThat(party.name()).isEqualTo("庆阳顺达运输有限公司");
        assertThat(party.creditCode()).isEqualTo("91621002MA7XY12341");
    }
}
