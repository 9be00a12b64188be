package org.onestop.oncall;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onestop.shared.ApiAccess;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ProblemDetail;

/** The on-call roster: anyone on staff may read it; a department's supervisors (and administrators) keep it. */
@RestController
@RequestMapping("/api/on-call")
@Tag(name = "On call", description = "Who of a department is on standby when")
@Validated
class OnCallApi {

    private final OnCallRoster roster;

    OnCallApi(OnCallRoster roster) {
        this.roster = roster;
    }

    record ShiftView(Long id, String department, String userId, LocalDate startsOn, LocalDate endsOn, String createdBy) {
        static ShiftView of(OnCallShift s) {
            return new ShiftView(s.getId(), s.getDepartment(), s.getUserId(), s.getStartsOn(), s.getEndsOn(), s.getCreatedBy());
        }
    }

    record NewShift(@NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String department,
                    @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String userId,
                    @NotNull(message = "is required") LocalDate startsOn,
                    @NotNull(message = "is required") LocalDate endsOn) {
    }

    @GetMapping
    @Operation(operationId = "listOnCallShifts", summary = "A department's current and coming on-call shifts")
    @ApiAccess(who = "any staff member", narrowedBy = "nothing: every department's roster")
    List<ShiftView> upcoming(@RequestParam @Size(max = 64) String department) {
        return roster.upcoming(department).stream().map(ShiftView::of).toList();
    }

    @PostMapping
    @Operation(operationId = "addOnCallShift", summary = "Put a user on call for a department from one day to another")
    @ApiAccess(who = "the supervisors of the shift's department, and administrators",
            forbidden = "the caller does not supervise the shift's department")
    @ResponseStatus(HttpStatus.CREATED)
    ShiftView add(@Valid @RequestBody NewShift shift, Authentication user) {
        Supervision.requireSupervisorOf(shift.department(), user);
        return ShiftView.of(roster.add(shift.department(), shift.userId(), shift.startsOn(), shift.endsOn(), user.getName()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "removeOnCallShift", summary = "Remove an on-call shift")
    @ApiAccess(who = "the supervisors of the shift's department, and administrators",
            forbidden = "the caller does not supervise the shift's department")
    ShiftView remove(@PathVariable long id, Authentication user) {
        Supervision.requireSupervisorOf(roster.get(id).getDepartment(), user);
        return ShiftView.of(roster.remove(id));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }
}
