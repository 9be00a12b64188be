package org.onestop.oncall;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface OnCallShifts extends JpaRepository<OnCallShift, Long> {

    /** Shifts of a department covering a day, the most recently entered first (it overrides older ones). */
    List<OnCallShift> findByDepartmentAndStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByIdDesc(String department, LocalDate day, LocalDate sameDay);

    List<OnCallShift> findByDepartmentAndEndsOnGreaterThanEqualOrderByStartsOnAsc(String department, LocalDate from);
}
