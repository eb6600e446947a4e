package org.sanlian.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A case source (案源). Names and free text live here, in utf8mb4 tables, not only in process variables. */
@Entity
@Table(name = "case_lead")
public class Lead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lead_number", unique = true)
    private String leadNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadSource source;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    @Column(name = "plate_number")
    private String plateNumber;

    /** 统一社会信用代码 (GB 32100) of an organisation or 公民身份号码 (GB 11643) of a person. */
    @Column(name = "party_id_number")
    private String partyIdNumber;

    /** GB/T 2260 code of the place of the act; routes the lead to the competent body (行政处罚法 Art. 22). */
    @Column(name = "area_code")
    private String areaCode;

    /** The date of the act (违法行为发生之日); the limitation period runs from it (行政处罚法 Art. 36). */
    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    /** A continuing or repeated act (连续或者继续状态): the period runs from its end, {@link #actEndedOn}. */
    @Column(name = "act_continuing", nullable = false)
    private boolean actContinuing;

    @Column(name = "act_ended_on")
    private LocalDate actEndedOn;

    /** The act harmed citizens' life and health or financial security: five years instead of two (Art. 36). */
    @Column(name = "life_or_finance_harm", nullable = false)
    private boolean lifeOrFinanceHarm;

    private String place;

    @Column(nullable = false)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    @Column(name = "registered_by")
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected Lead() {
    }

    Lead(LeadSource source, String organisationCode, String partyName, String partyIdNumber, String plateNumber,
            LocalDate occurredOn, String areaCode, String place, String summary, String registeredBy,
            Instant registeredAt, String processInstanceId) {
        this.source = source;
        this.organisationCode = organisationCode;
        this.partyName = partyName;
        this.partyIdNumber = partyIdNumber;
        this.areaCode = areaCode;
        this.plateNumber = plateNumber;
        this.occurredOn = occurredOn;
        this.place = place;
        this.summary = summary;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
        this.processInstanceId = processInstanceId;
        this.status = LeadStatus.REGISTERED;
    }

    void assignNumber(String leadNumber) {
        this.leadNumber = leadNumber;
    }

    /** The act as verified: its date, whether it continued and until when, whether it harmed life or finance. */
    void recordAct(LocalDate occurredOn, boolean continuing, LocalDate endedOn, boolean lifeOrFinanceHarm) {
        this.occurredOn = occurredOn;
        this.actContinuing = continuing;
        this.actEndedOn = continuing ? endedOn : null;
        this.lifeOrFinanceHarm = lifeOrFinanceHarm;
    }

    void moveTo(LeadStatus status) {
        this.status = status;
    }

    /** 移送/指定/提级管辖: another body holds the lead from now on, in its own process instance. */
    void handTo(String organisationCode, String processInstanceId) {
        this.organisationCode = organisationCode;
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public String getLeadNumber() {
        return leadNumber;
    }

    public LeadSource getSource() {
        return source;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getPartyName() {
        return partyName;
    }

    public String getPlateNumber() {
        return plateNumber;
    }

    public String getPartyIdNumber() {
        return partyIdNumber;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public LocalDate getOccurredOn() {
        return occurredOn;
    }

    public boolean isActContinuing() {
        return actContinuing;
    }

    public LocalDate getActEndedOn() {
        return actEndedOn;
    }

    public boolean isLifeOrFinanceHarm() {
        return lifeOrFinanceHarm;
    }

    public String getPlace() {
        return place;
    }

    public String getSummary() {
        return summary;
    }

    public LeadStatus getStatus() {
        return status;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
