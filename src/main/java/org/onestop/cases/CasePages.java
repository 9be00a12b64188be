package org.onestop.cases;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.city.CityProperties;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.onestop.access.CaseAccess;
import org.onestop.access.StaffMember;
import org.onestop.catalogue.FormField;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.departments.Departments;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The staff page of one case (linked from Tasklist forms): details, due dates, answers and the whole timeline; the
 * case's open tasks with a link to each in Tasklist; internal and public notes; and sending the case to another
 * department with a reason.
 */
@Controller
class CasePages {

    /** A question and its answer as a resident would read them. */
    record AnswerRow(String question, String answer) {
    }

    /** An open task of the case, where it waits and the link that opens it in Tasklist. */
    record TaskRow(String id, String name, String waitsWith, String assignee, Instant created, Instant due, String link) {
    }

    static final String TASKLIST = "/camunda/app/tasklist/default/#/?task=";
    static final int MAX_NOTE = 4000;
    static final int MAX_REASON = 1000;
    /** What a finished action says on the page it returns to ({@code ?done=}), as message keys. */
    private static final Map<String, String> DONE = Map.of("note", "staff.case.done.note",
            "transferred", "staff.case.done.transferred", "split", "staff.case.done.split");

    private final CaseService cases;
    private final StaffCases staffCases;
    private final ServiceCatalogue catalogue;
    private final CaseViews views;
    private final TaskService taskService;
    private final Departments departments;
    private final AdditionalReporters reporters;
    private final ZoneId zone;
    private final PageTexts texts;

    CasePages(CaseService cases, StaffCases staffCases, ServiceCatalogue catalogue, CaseViews views, TaskService taskService, Departments departments,
              AdditionalReporters reporters, CityProperties city, PageTexts texts) {
        this.texts = texts;
        this.cases = cases;
        this.staffCases = staffCases;
        this.catalogue = catalogue;
        this.views = views;
        this.taskService = taskService;
        this.departments = departments;
        this.reporters = reporters;
        this.zone = city.timeZone();
    }

    @GetMapping("/cases/{reference}")
    String show(@PathVariable String reference, @RequestParam(required = false) String done, Authentication auth, Model model) {
        StaffMember user = StaffMember.of(auth);
        model.addAttribute("done", done == null || !DONE.containsKey(done) ? null : texts.get(DONE.get(done)));
        return page(staffCases.read(reference, user), user, model, Map.of(), "", "internal", "", "");
    }

    @PostMapping("/cases/{reference}/notes")
    String addNote(@PathVariable String reference, @RequestParam(required = false) String text,
                   @RequestParam(required = false) String visibility, Authentication auth, Model model, HttpServletResponse response) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forAction(reference, user);
        String note = text == null ? "" : text;
        Map<String, String> errors = new LinkedHashMap<>();
        if (note.isBlank()) {
            errors.put("text", texts.get("staff.case.error.required"));
        } else if (note.length() > MAX_NOTE) {
            errors.put("text", texts.get("staff.case.error.long", MAX_NOTE, note.length()));
        }
        if (!"public".equals(visibility) && !"internal".equals(visibility)) {
            errors.put("visibility", texts.get("staff.case.error.visibility"));
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            return page(sr, user, model, errors, note, visibility == null ? "" : visibility, "", "");
        }
        cases.addNote(sr.getReference(), note, Visibility.fromCode(visibility), user.userId());
        return redirect(sr, "note");
    }

    @PostMapping("/cases/{reference}/transfer")
    String transfer(@PathVariable String reference, @RequestParam(required = false) String department,
                    @RequestParam(required = false) String reason, Authentication auth, Model model, HttpServletResponse response) {
        StaffMember user = StaffMember.of(auth);
        ServiceRequest sr = staffCases.forAdministration(reference, user);
        String to = department == null ? "" : department.trim();
        String why = reason == null ? "" : reason;
        Map<String, String> errors = new LinkedHashMap<>();
        if (to.isEmpty()) {
            errors.put("department", texts.get("staff.case.error.department"));
        } else if (departments.find(to).isEmpty()) {
            errors.put("department", texts.get("staff.case.error.noDepartment"));
        }
        if (why.isBlank()) {
            errors.put("reason", texts.get("staff.case.error.reason"));
        } else if (why.length() > MAX_REASON) {
            errors.put("reason", texts.get("staff.case.error.long", MAX_REASON, why.length()));
        }
        if (errors.isEmpty()) {
            try {
                cases.transfer(sr.getReference(), to, why.trim(), user.userId());
                return redirect(sr, "transferred");
            } catch (InvalidRequestException e) {
                e.fieldErrors().forEach((field, message) -> errors.put("reason".equals(field) ? "reason" : "department", message));
            }
        }
        response.setStatus(400);
        return page(cases.get(sr.getReference()), user, model, errors, "", "internal", to, why);
    }

    private String page(ServiceRequest sr, StaffMember user, Model model, Map<String, String> errors, String noteText, String noteVisibility,
                        String transferDepartment, String transferReason) {
        CaseView view = views.withTimeline(sr, user);
        boolean full = staffCases.access(sr, user) == CaseAccess.FULL;
        model.addAttribute("c", view);
        model.addAttribute("serviceName", catalogue.find(view.serviceCode()).map(s -> s.in(texts.locale()).name()).orElse(view.serviceName()));
        model.addAttribute("answers", answerRows(view));
        model.addAttribute("zone", zone);
        model.addAttribute("tasks", full ? tasks(sr) : List.of());
        // Other callers' names and numbers are contact details: only for those who may see them.
        model.addAttribute("reporters", staffCases.maySeeContactDetails(sr, user) ? reporters.of(sr) : List.of());
        model.addAttribute("mayAct", staffCases.mayAct(sr, user));
        model.addAttribute("mayTransfer", sr.getStatus().isOpen() && staffCases.mayAdminister(sr, user));
        model.addAttribute("open", sr.getStatus().isOpen());
        // Split into child cases: an open case not split before and not itself a child (the policy: as a transfer).
        model.addAttribute("maySplit", sr.getStatus().isOpen() && !sr.isChild() && staffCases.maySplit(sr, user)
                && view.children() != null && cases.children(sr).isEmpty());
        model.addAttribute("departments", departments.departments().stream()
                .filter(d -> !d.id().equals(sr.getDepartment())).toList());
        model.addAttribute("errors", errors);
        model.addAttribute("noteText", noteText);
        model.addAttribute("noteVisibility", noteVisibility);
        model.addAttribute("transferDepartment", transferDepartment);
        model.addAttribute("transferReason", transferReason);
        return "case";
    }

    private List<TaskRow> tasks(ServiceRequest sr) {
        List<TaskRow> rows = new ArrayList<>();
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(sr.getReference()).active().list()) {
            String groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(link -> departments.nameOf(link.getGroupId())).sorted().collect(Collectors.joining(", "));
            rows.add(new TaskRow(task.getId(), task.getName(), groups.isEmpty() ? "-" : groups, task.getAssignee(),
                    task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(), TASKLIST + task.getId()));
        }
        rows.sort(Comparator.comparing(TaskRow::created, Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    private static String redirect(ServiceRequest sr, String done) {
        return "redirect:" + UriComponentsBuilder.fromPath("/cases/{reference}").queryParam("done", done)
                .buildAndExpand(sr.getReference()).encode().toUriString();
    }

    private List<AnswerRow> answerRows(CaseView view) {
        List<FormField> questions = catalogue.find(view.serviceCode()).map(s -> s.in(texts.locale()).questions().fields()).orElse(List.of());
        List<AnswerRow> rows = new ArrayList<>();
        view.answers().forEach((key, value) -> {
            FormField field = questions.stream().filter(q -> q.key().equals(key)).findFirst().orElse(null);
            rows.add(new AnswerRow(field == null ? key : field.label(), display(field, value)));
        });
        return rows;
    }

    private String display(FormField field, Object value) {
        if (value instanceof Boolean b) {
            return texts.get(b ? "staff.yes" : "staff.no");
        }
        if (field != null && field.hasOptions()) {
            List<String> values = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
            return String.join(", ", values.stream().map(v -> field.values().stream().filter(o -> o.value().equals(v))
                    .map(FormField.Option::label).findFirst().orElse(v)).toList());
        }
        return String.valueOf(value);
    }
}
