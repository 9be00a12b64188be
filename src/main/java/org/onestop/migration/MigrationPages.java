package org.onestop.migration;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.StaffMember;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.city.CityProperties;
import org.onestop.migration.Migrations.Migration;
import org.onestop.migration.RunningCaseMigration.Overview;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process owner's page for moving a service's running cases to its latest version: the versions and their cases,
 * the plan from a chosen version, a try on one case, the move of all, and the migrations so far with their progress.
 */
@Controller
class MigrationPages {

    private final RunningCaseMigration migration;
    private final CaseAccessPolicy policy;
    private final PageTexts texts;
    private final ZoneId zone;

    private final ServiceCatalogue catalogue;

    MigrationPages(RunningCaseMigration migration, CaseAccessPolicy policy, PageTexts texts, CityProperties city,
                   ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
        this.zone = city.timeZone();
        this.migration = migration;
        this.policy = policy;
        this.texts = texts;
    }

    @GetMapping("/owner/services/{code}/migration")
    String page(@PathVariable String code, @RequestParam(name = "from", required = false) String from, Authentication auth,
                Model model) {
        require(auth);
        Overview overview = migration.overview(code);
        Integer fromVersion = from == null || from.isBlank()
                ? overview.older().stream().map(RunningCaseMigration.Version::version).findFirst().orElse(null)
                : version(from);
        return page(model, overview, fromVersion, "", Map.of(), auth);
    }

    @PostMapping("/owner/services/{code}/migration/try")
    String tryOne(@PathVariable String code, @RequestParam(required = false) String fromVersion,
                  @RequestParam(required = false) String reference, Authentication auth, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember user = require(auth);
        Integer from = version(fromVersion);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            Migration done = migration.tryOne(code, from, reference, user.userId());
            redirect.addFlashAttribute("moved", texts.get("migration.tried", done.caseReference(), done.sourceVersion(),
                    done.targetVersion()));
            return "redirect:/owner/services/" + code + "/migration?from=" + from;
        } catch (InvalidRequestException e) {
            e.fieldErrors().forEach((field, message) -> errors.put(field, texts.get("migration.label." + field) + " " + message + "."));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        } catch (NotFoundException e) {
            errors.put("reference", texts.get("migration.error.noCase", reference == null ? "" : reference.strip(), from));
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        return page(model, migration.overview(code), from, reference == null ? "" : cut(reference.strip()), errors, auth);
    }

    @PostMapping("/owner/services/{code}/migration/move")
    String moveAll(@PathVariable String code, @RequestParam(required = false) String fromVersion, Authentication auth,
                   Model model, HttpServletResponse response, RedirectAttributes redirect) {
        StaffMember user = require(auth);
        Integer from = version(fromVersion);
        try {
            Migration started = migration.moveAll(code, from, user.userId());
            redirect.addFlashAttribute("moved", texts.get("migration.started", started.cases(), started.sourceVersion(),
                    started.targetVersion()));
            return "redirect:/owner/services/" + code + "/migration?from=" + from;
        } catch (InvalidRequestException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> errors.put("move", texts.get("migration.label." + field) + " " + message + "."));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, migration.overview(code), from, "", errors, auth);
        }
    }

    /** One migration's progress for the page's script (the page's login; /api takes HTTP Basic only). */
    @GetMapping(path = "/owner/services/{code}/migration/{id}/progress", produces = "application/json")
    @ResponseBody
    RunningCaseMigration.Progress progress(@PathVariable String code, @PathVariable long id, Authentication auth) {
        require(auth);
        return migration.progress(code, id);
    }

    /** A version typed in the address or a form that is no number at all: the friendly page, 400. */
    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidRequestException e, Model model) {
        model.addAttribute("title", texts.get("migration.error.title"));
        model.addAttribute("message", texts.get("migration.error.text"));
        model.addAttribute("detail", String.join(" ", e.fieldErrors().entrySet().stream()
                .map(x -> x.getKey() + " " + x.getValue() + ".").toList()));
        return "problem";
    }

    private String page(Model model, Overview overview, Integer fromVersion, String reference, Map<String, String> errors,
                        Authentication auth) {
        model.addAttribute("service", overview);
        model.addAttribute("serviceName", catalogue.find(overview.serviceCode()).map(s -> s.in(texts.locale()).name())
                .orElse(overview.serviceName()));
        // A case's page is for those who may read cases: administrators; process owners read the reference only.
        model.addAttribute("caseLinks", policy.isAdmin(StaffMember.of(auth)));
        model.addAttribute("zone", zone);
        model.addAttribute("fromVersion", fromVersion);
        RunningCaseMigration.Plan plan = null;
        String planError = null;
        if (fromVersion != null) {
            try {
                plan = migration.plan(overview.serviceCode(), fromVersion);
            } catch (InvalidRequestException e) {
                planError = texts.get("migration.label.fromVersion") + " " + e.fieldErrors().getOrDefault("fromVersion", "") + ".";
            }
        }
        model.addAttribute("plan", plan);
        model.addAttribute("planError", planError);
        model.addAttribute("reference", reference);
        model.addAttribute("errors", errors);
        model.addAttribute("migrations", migration.progressOfHistory(overview.serviceCode()));
        return "owner/migration";
    }

    private StaffMember require(Authentication auth) {
        StaffMember user = StaffMember.of(auth);
        if (!policy.mayManageModels(user)) {
            throw new AccessDeniedException(texts.get("migration.forbidden"));
        }
        return user;
    }

    private static Integer version(String typed) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > 9 || !value.chars().allMatch(Character::isDigit)) {
            throw new InvalidRequestException("fromVersion", "must be a version number");
        }
        return Integer.valueOf(value);
    }

    private static String cut(String s) {
        return s.length() > 128 ? s.substring(0, 128) : s;
    }
}
