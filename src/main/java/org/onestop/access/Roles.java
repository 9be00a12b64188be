package org.onestop.access;

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
    /** The one service a councillor's office opens, on a resident's behalf. */
    public static final String COUNCILLOR_INQUIRY = "councillor-inquiry";

    private static final Pattern WARD_NUMBER = Pattern.compile("(?i)\\bward\\s*(\\d+)");

    private Roles() {
    }

    /**
     * The group of a ward's councillor's office ({@code council-ward-1} for "Ward 1 - Harbourfront"): its members
     * follow the status of the cases in that ward.
     */
    public static String wardOfficeGroup(String wardName) {
        Matcher number = WARD_NUMBER.matcher(wardName);
        if (number.find()) {
            return "council-ward-" + number.group(1);
        }
        String slug = wardName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "council-ward-" + (slug.length() > 50 ? slug.substring(0, 50) : slug);
    }
}
