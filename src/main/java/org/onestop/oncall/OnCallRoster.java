package org.onestop.oncall;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.onestop.city.CityProperties;
import org.onestop.departments.Departments;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The on-call roster: who is on standby for each department on which days. Supervisors keep it; after-hours
 * emergencies go to the department's on-call group and are assigned to the person on standby.
 */
@Service
public class OnCallRoster {

    /** The group of a department's on-call staff. */
    public static String onCallGroup(String department) {
        return department + "-oncall";
    }

    private final OnCallShifts shifts;
    private final Departments departments;
    private final IdentityService identity;
    private final Clock clock;
    private final ZoneId zone;

    OnCallRoster(OnCallShifts shifts, Departments departments, IdentityService identity, Clock clock,
                 CityProperties city) {
        this.shifts = shifts;
        this.departments = departments;
        this.identity = identity;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    /** Who is on standby for the department at that moment, if anyone. */
    @Transactional(readOnly = true)
    public Optional<String> onCall(String department, Instant at) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return shifts.findByDepartmentAndStartsOnLessThanEqualAndEndsOnGreaterThanEqualOrderByIdDesc(department, day, day)
                .stream().findFirst().map(OnCallShift::getUserId);
    }

    @Transactional(readOnly = true)
    public List<OnCallShift> upcoming(String department) {
        requireDepartment(department);
        return shifts.findByDepartmentAndEndsOnGreaterThanEqualOrderByStartsOnAsc(department, clock.instant().atZone(zone).toLocalDate());
    }

    @Transactional
    public OnCallShift add(String department, String userId, LocalDate startsOn, LocalDate endsOn, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (departments.find(department).isEmpty()) {
            errors.put("department", "is not one of the city's departments: '" + department + "'");
        }
        if (userId == null || identity.createUserQuery().userId(userId).count() == 0) {
            errors.put("userId", "is not a OneStop user");
        }
        if (startsOn != null && endsOn != null) {
            if (endsOn.isBefore(startsOn)) {
                errors.put("endsOn", "must not be before startsOn");
            } else if (ChronoUnit.DAYS.between(startsOn, endsOn) > 31) {
                errors.put("endsOn", "a shift is at most 31 days; enter longer stretches week by week");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String group = onCallGroup(department);
        if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
            identity.createMembership(userId, group);
        }
        return shifts.save(new OnCallShift(department, userId, startsOn, endsOn, actor, clock.instant()));
    }

    @Transactional(readOnly = true)
    public OnCallShift get(long id) {
        return shifts.findById(id).orElseThrow(() -> new NotFoundException("no on-call shift " + id));
    }

    @Transactional
    public OnCallShift remove(long id) {
        OnCallShift shift = get(id);
        shifts.delete(shift);
        return shift;
    }

    private void requireDepartment(String department) {
        if (departments.find(department).isEmpty()) {
            throw new InvalidRequestException("department", "is not one of the city's departments: '" + department + "'");
        }
    }
}
