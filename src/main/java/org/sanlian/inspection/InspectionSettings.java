package org.sanlian.inspection;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** {@code sanlian.inspection.*} in application.yaml. */
@Component
@ConfigurationProperties("sanlian.inspection")
class InspectionSettings {

    /** Market segments (code → Chinese name); the seed article's "五大运输市场" is not defined (domain.md §5). */
    private Map<String, String> marketSegments = new LinkedHashMap<>();

    /** Targets inspected within this many days before the draw are left out of it. */
    private int recentWindowDays = 180;

    /** Results published within this period of the inspection's end (国发〔2019〕5号 practice: 20 days). */
    private Period resultsPublication = Period.ofDays(20);

    /** Time given by an order to correct (责令改正) before the re-check; a local choice. */
    private Period correctionPeriod = Period.ofDays(15);

    /**
     * 整改复查 is due this many working days after the correction period ends; the law gives no period (行政处罚法
     * Art. 28 ¶1 orders the correction only), so a local choice counted on the working-day calendar.
     */
    private int recheckWorkingDays = 5;

    public Map<String, String> getMarketSegments() {
        return marketSegments;
    }

    public void setMarketSegments(Map<String, String> marketSegments) {
        this.marketSegments = marketSegments;
    }

    public int getRecentWindowDays() {
        return recentWindowDays;
    }

    public void setRecentWindowDays(int recentWindowDays) {
        this.recentWindowDays = recentWindowDays;
    }

    public Period getResultsPublication() {
        return resultsPublication;
    }

    public void setResultsPublication(Period resultsPublication) {
        this.resultsPublication = resultsPublication;
    }

    public Period getCorrectionPeriod() {
        return correctionPeriod;
    }

    public void setCorrectionPeriod(Period correctionPeriod) {
        this.correctionPeriod = correctionPeriod;
    }

    public int getRecheckWorkingDays() {
        return recheckWorkingDays;
    }

    public void setRecheckWorkingDays(int recheckWorkingDays) {
        this.recheckWorkingDays = recheckWorkingDays;
    }
}
