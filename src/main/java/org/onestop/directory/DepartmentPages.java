package org.onestop.directory;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.departments.DepartmentRegistry;
import org.onestop.departments.Departments.Department;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators add and change the city's departments at {@code /admin/departments} (the access policy's
 * {@code mayManageDepartments}); a new department gets its engine groups and rights at once and is seen by every node
 * within a minute.
 */
@Controller
@RequestMapping("/admin/departments")
class DepartmentPages {

    /** The registry's field messages (the API's words), said in the page's language. */
    private static final Map<String, String> MESSAGES = Map.of(
            DepartmentRegistry.REQUIRED, "departments.error.required",
            DepartmentRegistry.BAD_ID, "departments.error.badId",
            DepartmentRegistry.ID_TOO_LONG, "departments.error.idTooLong",
            DepartmentRegistry.GROUP_SUFFIX, "departments.error.groupSuffix",
            DepartmentRegistry.TAKEN, "departments.error.taken",
            DepartmentRegistry.OTHER_GROUP, "departments.error.otherGroup",
            DepartmentRegistry.TOO_LONG, "departments.error.tooLong",
            DepartmentRegistry.BAD_PHONE, "departments.error.badPhone",
            DepartmentRegistry.BAD_EMAIL, "departments.error.badEmail");
    private static final int MAX_FIELD = 4000;

    private final DepartmentRegistry registry;
    private final CaseAccessPolicy policy;
    private final PageTexts texts;

    DepartmentPages(DepartmentRegistry registry, CaseAccessPolicy policy, PageTexts texts) {
        this.registry = registry;
        this.policy = policy;
        this.texts = texts;
    }

    /** The form as typed, kept when refused. */
    record Form(String id, String name, String nameFr, String phone, String email, String description) {

        static Form blank() {
            return new Form("", "", "", "", "", "");
        }

        static Form of(Department d) {
            return new Form(d.id(), d.name(), none(d.nameFr()), none(d.phone()), none(d.email()), none(d.description()));
        }

        Form clipped() {
            return new Form(clip(id), clip(name), clip(nameFr), clip(phone), clip(email), clip(description));
        }

        Department department() {
            return new Department(id, name, nameFr, phone, email, description);
        }

        /** A field's value by its name (the page's inputs are one loop). */
        public String value(String field) {
            return switch (field) {
                case "name" -> name;
                case "nameFr" -> nameFr;
                case "phone" -> phone;
                case "email" -> email;
                default -> id;
            };
        }

        private static String none(String s) {
            return s == null ? "" : s;
        }

        private static String clip(String s) {
            return s == null ? "" : s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
        }
    }

    @ModelAttribute
    void onlyForThoseWhoManageDepartments(Authentication user) {
        if (!policy.mayManageDepartments(StaffMember.of(user))) {
            throw new AccessDeniedException("only administrators add and change departments");
        }
    }

    @GetMapping
    String list(Model model) {
        return list(model, Form.blank(), Map.of());
    }

    @PostMapping
    String add(Form form, Authentication user, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Form typed = form.clipped();
        try {
            Department added = registry.add(typed.department(), user.getName());
            redirect.addFlashAttribute("message", texts.get("departments.added", added.name(), added.id()));
            return "redirect:/admin/departments";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return list(model, typed, translated(e));
        }
    }

    @GetMapping("/{id}")
    String edit(@PathVariable String id, Model model) {
        return edit(model, Form.of(registry.get(id)), Map.of());
    }

    @PostMapping("/{id}")
    String change(@PathVariable String id, Form form, Authentication user, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        Department current = registry.get(id);
        Form typed = new Form(current.id(), form.name(), form.nameFr(), form.phone(), form.email(), form.description()).clipped();
        try {
            Department changed = registry.change(id, typed.department(), user.getName());
            redirect.addFlashAttribute("message", texts.get("departments.changed", changed.name()));
            return "redirect:/admin/departments";
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return edit(model, typed, translated(e));
        }
    }

    private String list(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("departments", registry.all());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("firstError", errors.isEmpty() ? null : errors.keySet().iterator().next());
        return "admin/departments";
    }

    private String edit(Model model, Form form, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("firstError", errors.isEmpty() ? null : errors.keySet().iterator().next());
        return "admin/department";
    }

    private Map<String, String> translated(InvalidRequestException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.fieldErrors().forEach((field, message) -> errors.put(field,
                texts.get("departments." + field) + " " + texts.known(message, MESSAGES) + "."));
        return errors;
    }
}
