package org.onestop.oncall;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.onestop.departments.Departments;
import org.onestop.departments.Departments.Department;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The on-call roster page for supervisors: for each department they supervise, who is on call now and the upcoming
 * shifts; add a shift, remove one. The same rule as the API ({@link Supervision}) decides who may.
 */
@Controller
class OnCallPages {

    /** Members offered per department in the user id suggestions. */
    static final int MEMBERS_OFFERED = 200;
    static final int MAX_ID = 64;
    /** The roster's field messages (the API's wording) the page says in the page's language, by how they begin. */
    private static final Map<String, String> ROSTER_MESSAGES = Map.of("is not one of the city's departments", "oncall.error.department",
            "is not a OneStop user", "oncall.error.notUser", "must not be before startsOn", "oncall.error.beforeStart",
            "a shift is at most 31 days", "oncall.error.tooLong");

    /** The add-a-shift form as typed (strings, so that a bad value is kept and shown beside its message). */
    record ShiftForm(String department, String userId, String startsOn, String endsOn) {
        static ShiftForm blank(String department) {
            return new ShiftForm(department, "", "", "");
        }
    }

    record Member(String id, String name, String department) {
    }

    record Section(Department department, Optional<String> onCallNow, List<OnCallShift> shifts) {
    }

    private final OnCallRoster roster;
    private final Departments departments;
    private final IdentityService identity;
    private final Clock clock;
    private final PageTexts texts;

    OnCallPages(OnCallRoster roster, Departments departments, IdentityService identity, Clock clock, PageTexts texts) {
        this.texts = texts;
        this.roster = roster;
        this.departments = departments;
        this.identity = identity;
        this.clock = clock;
    }

    /** Whether the user keeps any department's roster: the nav shows the page's link only then. */
    public boolean maySee(Authentication user) {
        return !Supervision.departmentsOf(user, departments).isEmpty();
    }

    @GetMapping("/on-call")
    String roster(Authentication user, Model model) {
        List<Department> own = supervised(user);
        // After adding a shift the form stays on that department.
        Object last = model.getAttribute("lastDepartment");
        String department = own.stream().map(Department::id).filter(id -> id.equals(last)).findFirst().orElse(own.get(0).id());
        return page(model, own, ShiftForm.blank(department), Map.of());
    }

    @PostMapping("/on-call")
    String add(ShiftForm form, Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<Department> own = supervised(user);
        Map<String, String> errors = new LinkedHashMap<>();
        String department = strip(form.department());
        String userId = strip(form.userId());
        if (department.isEmpty()) {
            errors.put("department", texts.get("oncall.error.chooseDepartment"));
        } else {
            requireSupervisorOf(department, user);
        }
        if (userId.isEmpty()) {
            errors.put("userId", texts.get("oncall.error.userId"));
        } else if (userId.length() > MAX_ID) {
            errors.put("userId", texts.get("oncall.error.userIdLong", MAX_ID));
        }
        LocalDate startsOn = date(form.startsOn(), "startsOn", errors);
        LocalDate endsOn = date(form.endsOn(), "endsOn", errors);
        if (errors.isEmpty()) {
            try {
                OnCallShift shift = roster.add(department, userId, startsOn, endsOn, user.getName());
                redirect.addFlashAttribute("lastDepartment", shift.getDepartment());
                redirect.addFlashAttribute("addedText", texts.get("oncall.added.text", shift.getUserId(),
                        departments.nameOf(shift.getDepartment()), shift.getStartsOn().toString(), shift.getEndsOn().toString()));
                return "redirect:/on-call";
            } catch (InvalidRequestException e) {
                e.fieldErrors().forEach((field, message) -> errors.put(field, sentence(field, message)));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(model, own, new ShiftForm(cut(department), cut(userId), cut(form.startsOn()), cut(form.endsOn())), errors);
    }

    @PostMapping("/on-call/{id}/remove")
    String remove(@PathVariable long id, Authentication user, RedirectAttributes redirect) {
        supervised(user);
        OnCallShift shift = roster.get(id);
        requireSupervisorOf(shift.getDepartment(), user);
        roster.remove(id);
        redirect.addFlashAttribute("removedText", texts.get("oncall.removed", shift.getUserId(),
                departments.nameOf(shift.getDepartment()), shift.getStartsOn().toString(), shift.getEndsOn().toString()));
        return "redirect:/on-call";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(AccessDeniedException e, Model model) {
        model.addAttribute("title", texts.get("staff.error.forbidden.title"));
        model.addAttribute("message", e.getMessage() + " " + texts.get("oncall.forbidden.ask"));
        return "problem";
    }

    private List<Department> supervised(Authentication user) {
        List<Department> own = Supervision.departmentsOf(user, departments);
        if (own.isEmpty()) {
            throw new AccessDeniedException(texts.get("oncall.forbidden.none"));
        }
        return own;
    }

    private void requireSupervisorOf(String department, Authentication user) {
        Supervision.requireSupervisorOf(department, user, texts.get("oncall.forbidden.department", departments.nameOf(department)));
    }

    private String page(Model model, List<Department> own, ShiftForm form, Map<String, String> errors) {
        var now = clock.instant();
        model.addAttribute("sections", own.stream()
                .map(d -> new Section(d, roster.onCall(d.id(), now), roster.upcoming(d.id()))).toList());
        model.addAttribute("departments", own);
        model.addAttribute("members", own.stream().flatMap(d -> members(d).stream()).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("firstError", errors.keySet().stream().findFirst().orElse(""));
        return "oncall/roster";
    }

    private List<Member> members(Department department) {
        return identity.createUserQuery().memberOfGroup(department.id()).orderByUserId().asc().listPage(0, MEMBERS_OFFERED)
                .stream().map(u -> new Member(u.getId(), name(u), department.name())).toList();
    }

    private static String name(User u) {
        String name = (nullToEmpty(u.getFirstName()) + " " + nullToEmpty(u.getLastName())).strip();
        return name.isEmpty() ? u.getId() : name;
    }

    /**
     * The roster's message ("must not be before startsOn") as a sentence under the field's label, in the page's
     * language ({@code oncall.<field>} and {@code oncall.error.*}); a message the page does not know stays as it is.
     */
    String sentence(String field, String message) {
        String label = texts.get("oncall.label." + field);
        String sentence = label + " " + texts.known(message.strip(), ROSTER_MESSAGES);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    /** A typed date (year-month-day), or null with the field's message ({@code oncall.error.<field>...}). */
    private LocalDate date(String typed, String field, Map<String, String> errors) {
        String value = strip(typed);
        if (value.isEmpty()) {
            errors.put(field, texts.get("oncall.error." + field + ".empty"));
            return null;
        }
        try {
            if (value.length() <= 32) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // told below
        }
        errors.put(field, texts.get("oncall.error." + field + ".format"));
        return null;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** A typed value kept for the form, no longer than any field takes. */
    private static String cut(String s) {
        String value = nullToEmpty(s);
        return value.length() > MAX_ID * 2 ? value.substring(0, MAX_ID * 2) : value;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
