package org.onestop.access;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.authorization.Groups;

/** The role groups the access policy knows (Camunda groups; departments come from configuration). */
public final class Roles {

    public static final String CONTACT_CENTRE = "contact-centre";
    public static final String KNOWLEDGE_EDITORS = "knowledge-editors";
    public static final String COUNCIL_OFFICE = "council-office";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String ADMINS = Groups.CAMUNDA_ADMIN;
    /** Monitoring systems (a Prometheus scrape user): the actuator's metrics, nothing else. */
    public static final String MONITORING = "monitoring";
    /** Back-office systems' workers (work orders): external tasks of the named processes in /engine-rest; no case, no person. */
    public static final String INTEGRATIONS = "integrations";
    /** Managers and council's staff who follow the city's performance: every KPI, every department (no case, no person). */
    public static final String MANAGERS = "managers";
    /** The one service a councillor's office opens, on a resident's behalf. */
    public static final String COUNCILLOR_INQUIRY = "councillor-inquiry";

    public static final String WARD_OFFICE_PREFIX = "council-ward-";
    private static final Pattern WARD_NUMBER = Pattern.compile("(?i)\\bward\\s*(?:no\\.?\\s*|#\\s*)?(\\d{1,9})\\b");

    private Roles() {
    }

    /**
     * The group of a ward's councillor's office ({@code council-ward-1} for "Ward 1 - Harbourfront", else
     * {@code council-ward-<slug of the name>}): its members follow the status of the cases in that ward.
     */
    public static String wardOfficeGroup(String wardName) {
        if (wardName == null || wardName.isBlank()) {
            throw new IllegalArgumentException("a ward needs a name");
        }
        Matcher number = WARD_NUMBER.matcher(wardName);
        if (number.find()) {
            return WARD_OFFICE_PREFIX + number.group(1).replaceFirst("^0+(?=\\d)", "");
        }
        String slug = Normalizer.normalize(wardName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        // Group ids are at most 64 characters (generalResourceWhitelistPattern); a name without a letter or digit
        // in the Latin alphabet still gets a stable id.
        if (slug.isEmpty()) {
            slug = Integer.toHexString(wardName.strip().hashCode());
        }
        slug = slug.substring(0, Math.min(slug.length(), 64 - WARD_OFFICE_PREFIX.length())).replaceAll("-+$", "");
        return WARD_OFFICE_PREFIX + slug;
    }
}
