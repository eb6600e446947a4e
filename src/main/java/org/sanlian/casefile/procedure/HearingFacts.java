package org.sanlian.casefile.procedure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/** The hearing of a case (听证, 行政处罚法 Arts. 63–65): requested on, noticed, scheduled, presided, held. */
@Entity
@Table(name = "case_hearing")
public class HearingFacts {

    @Id
    @Column(name = "case_number")
    private String caseNumber;
    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;
    @Column(name = "notice_served_on")
    private LocalDate noticeServedOn;
    @Column(name = "scheduled_for")
    private LocalDate scheduledFor;
    /** The hearing's time of day, told with its day and place (Art. 64(2)); none for hearings noticed before. */
    @Column(name = "scheduled_at")
    private LocalTime scheduledAt;
    private String place;
    private String presider;
    @Column(name = "held_on")
    private LocalDate heldOn;
    @Column(name = "party_attended")
    private Boolean partyAttended;
    /** 听证笔录 as the presider made it (Art. 64(10)); the decision is made on its basis (Art. 65). */
    @Column(name = "hearing_record")
    private String record;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected HearingFacts() {
    }

    HearingFacts(String caseNumber, LocalDate requestedOn, Instant now) {
        this.caseNumber = caseNumber;
        this.requestedOn = requestedOn;
        this.updatedAt = now;
    }

    void requested(LocalDate on, Instant now) {
        this.requestedOn = on;
        this.updatedAt = now;
    }

    public void scheduled(LocalDate noticeServedOn, LocalDate scheduledFor, LocalTime scheduledAt, String place,
            String presider, Instant now) {
        this.noticeServedOn = noticeServedOn;
        this.scheduledFor = scheduledFor;
        this.scheduledAt = scheduledAt;
        this.place = place;
        this.presider = presider;
        this.updatedAt = now;
    }

    public void held(LocalDate on, boolean partyAttended, String record, Instant now) {
        this.heldOn = on;
        this.partyAttended = partyAttended;
        this.record = record;
        this.updatedAt = now;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public LocalDate getNoticeServedOn() {
        return noticeServedOn;
    }

    public LocalDate getScheduledFor() {
        return scheduledFor;
    }

    public LocalTime getScheduledAt() {
        return scheduledAt;
    }

    public String getPlace() {
        return place;
    }

    public String getPresider() {
        return presider;
    }

    public LocalDate getHeldOn() {
        return heldOn;
    }

    public Boolean getPartyAttended() {
        return partyAttended;
    }

    public String getRecord() {
        return record;
    }
}
