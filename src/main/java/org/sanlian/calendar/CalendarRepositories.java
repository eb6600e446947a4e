package org.sanlian.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CalendarYearRepository extends JpaRepository<CalendarYear, Integer> {
}

interface CalendarDayRepository extends JpaRepository<CalendarDay, LocalDate> {

    @Query("select d from CalendarDay d where d.year = ?1 order by d.date")
    List<CalendarDay> findByYear(int year);

    @Modifying
    @Query("delete from CalendarDay d where d.year = ?1")
    void deleteByYear(int year);
}
