package org.sanlian.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A year whose official holiday arrangement (State Council notice) has been entered. */
@Entity
@Table(name = "calendar_year")
public class CalendarYear {

    @Id
    @Column(name = "calendar_year")
    private Integer year;

    @Column(nullable = false)
    private String notice;

    @Column(name = "entered_by")
    private String enteredBy;

    @Column(name = "entered_at", nullable = false)
    private Instant enteredAt;

    protected CalendarYear() {
    }

    CalendarYear(int year, String notice, String enteredBy, Instant enteredAt) {
        this.year = year;
        this.notice = notice;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    void replace(String notice, String enteredBy, Instant enteredAt) {
        this.notice = notice;
        this.enteredBy = enteredBy;
        this.enteredAt = enteredAt;
    }

    public int getYear() {
        return year;
    }

    public String getNotice() {
        return notice;
    }

    public String getEnteredBy() {
        return enteredBy;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }
}
