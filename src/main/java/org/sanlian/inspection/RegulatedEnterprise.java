package org.sanlian.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A regulated enterprise of the 检查对象名录库 (domain.md §5). */
@Entity
@Table(name = "inspection_enterprise")
public class RegulatedEnterprise {

    /** Unified social credit code (统一社会信用代码, GB 32100-2015). */
    @Id
    private String uscc;

    @Column(nullable = false)
    private String name;

    @Column(name = "area_code", nullable = false)
    private String areaCode;

    /** One of the configured market segments (sanlian.inspection.market-segments). */
    @Column(name = "market_segment", nullable = false)
    private String marketSegment;

    /** 两客一危: tour coaches, line coaches of class 3 and above, dangerous goods (domain.md §5). */
    @Column(name = "key_passenger_dangerous", nullable = false)
    private boolean keyPassengerDangerous;

    /** 巡游出租车辆: a key supervision item of the pilot (domain.md §1). */
    @Column(name = "key_cruising_taxi", nullable = false)
    private boolean keyCruisingTaxi;

    /** 重点监管企业. */
    @Column(name = "key_enterprise", nullable = false)
    private boolean keyEnterprise;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_grade", nullable = false)
    private RiskGrade riskGrade;

    /** Quality and credit grade (质量信誉等级, e.g. AAA, AA, A, B). */
    @Column(name = "credit_grade")
    private String creditGrade;

    @Column(name = "last_inspected_on")
    private LocalDate lastInspectedOn;

    @Column(nullable = false)
    private boolean demo;

    protected RegulatedEnterprise() {
    }

    RegulatedEnterprise(String uscc, String name, String areaCode, String marketSegment, boolean keyPassengerDangerous,
            boolean keyCruisingTaxi, boolean keyEnterprise, RiskGrade riskGrade, String creditGrade,
            LocalDate lastInspectedOn) {
        this.uscc = uscc;
        this.name = name;
        this.areaCode = areaCode;
        this.marketSegment = marketSegment;
        this.keyPassengerDangerous = keyPassengerDangerous;
        this.keyCruisingTaxi = keyCruisingTaxi;
        this.keyEnterprise = keyEnterprise;
        this.riskGrade = riskGrade;
        this.creditGrade = creditGrade;
        this.lastInspectedOn = lastInspectedOn;
    }

    void inspectedOn(LocalDate date) {
        if (lastInspectedOn == null || date.isAfter(lastInspectedOn)) {
            lastInspectedOn = date;
        }
    }

    DoubleRandomDraw.Target asTarget() {
        return new DoubleRandomDraw.Target(uscc, name, areaCode, marketSegment, keyPassengerDangerous,
                keyCruisingTaxi, keyEnterprise, riskGrade, lastInspectedOn);
    }

    public String getUscc() {
        return uscc;
    }

    public String getName() {
        return name;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public String getMarketSegment() {
        return marketSegment;
    }

    public boolean isKeyPassengerDangerous() {
        return keyPassengerDangerous;
    }

    public boolean isKeyCruisingTaxi() {
        return keyCruisingTaxi;
    }

    public boolean isKeyEnterprise() {
        return keyEnterprise;
    }

    public RiskGrade getRiskGrade() {
        return riskGrade;
    }

    public String getCreditGrade() {
        return creditGrade;
    }

    public LocalDate getLastInspectedOn() {
        return lastInspectedOn;
    }

    public boolean isDemo() {
        return demo;
    }
}
