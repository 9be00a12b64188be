package org.onestop.open311;

import java.security.Principal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.city.CityProperties;
import org.onestop.shared.InvalidRequestException;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators issue and revoke the Open311 apps' API keys at {@code /admin/api-keys} (group camunda-admin, see
 * SecurityConfig). A new key is shown once, on the page that answers its creation, and never stored in clear.
 */
@Controller
@RequestMapping("/admin/api-keys")
class ApiKeyPages {

    private final ApiKeyService apiKeys;
    private final ZoneId zone;
    private final PageTexts texts;

    ApiKeyPages(ApiKeyService apiKeys, CityProperties city, PageTexts texts) {
        this.texts = texts;
        this.apiKeys = apiKeys;
        this.zone = city.timeZone();
    }

    /** A key as the list shows it (a key never used has no last use). */
    record KeyRow(long id, String appName, String contact, String prefix, String created, String createdBy,
                  String lastUsed, boolean revoked, String revokedAt, String revokedBy) {
    }

    @GetMapping
    String list(Model model) {
        return page(model, "", "", Map.of());
    }

    @PostMapping
    String issue(@RequestParam(defaultValue = "") String appName, @RequestParam(defaultValue = "") String contact,
                 Principal user, Model model, HttpServletResponse response) {
        try {
            ApiKeyService.IssuedKey issued = apiKeys.issue(clip(appName, 400), clip(contact, 400), user.getName());
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("issuedKey", issued.secret());
            model.addAttribute("issuedApp", issued.key().getAppName());
            return page(model, "", "", Map.of());
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            return page(model, clip(appName, 400), clip(contact, 400), e.fieldErrors());
        }
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        ApiKey key = apiKeys.revoke(id, user.getName());
        redirect.addFlashAttribute("message", texts.get("admin.keys.revokedText", key.getAppName()));
        return "redirect:/admin/api-keys";
    }

    private String page(Model model, String appName, String contact, Map<String, String> errors) {
        List<KeyRow> rows = apiKeys.all().stream().map(k -> new KeyRow(k.getId(), k.getAppName(), k.getContact(),
                k.getKeyPrefix(), time(k.getCreatedAt()), k.getCreatedBy(), k.getLastUsedAt() == null ? null : time(k.getLastUsedAt()),
                k.isRevoked(), k.isRevoked() ? time(k.getRevokedAt()) : null, k.getRevokedBy())).toList();
        model.addAttribute("keys", rows);
        model.addAttribute("appName", appName);
        model.addAttribute("contact", contact);
        model.addAttribute("errors", errors);
        return "admin/api-keys";
    }

    private String time(Instant instant) {
        return texts.date("staff.date.time", instant.atZone(zone));
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
