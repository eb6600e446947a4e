package org.sanlian.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** One exception to the Monday–Friday week: a statutory holiday, or a make-up working day (调休上班). */
@Entity
@Table(name = "calendar_day")
public class CalendarDay {

    public enum Kind {
        HOLIDAY, WORKDAY
    }

    @Id
    @Column(name = "calendar_date")
    private LocalDate date;

    @Column(name = "calendar_year", nullable = false)
    private Integer year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    protected CalendarDay() {
    }

    CalendarDay(LocalDate date, Kind kind, String name) {
        this.date = date;
        this.year = date.getYear();
        this.kind = kind;
        this.name = name;
    }

    public LocalDate getDate() {
        return date;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }
}
