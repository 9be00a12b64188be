package org.onestop.contactcentre;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.onestop.access.Roles;
import org.onestop.cases.Channel;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.MultiValueMap;

/** Reading the console's request parameters: the caller, when the contact started, the door they came by. */
final class ConsoleParams {

    /** The doors the console takes requests from (web and app requests come through self-service and Open311). */
    static final Set<Channel> CONSOLE_CHANNELS = EnumSet.of(Channel.PHONE, Channel.WALK_IN, Channel.EMAIL, Channel.COUNCIL);
    static final String COUNCILLOR_INQUIRY = Roles.COUNCILLOR_INQUIRY;

    private ConsoleParams() {
    }

    /** A customer id, or null when absent; a value that is not an id counts as absent. */
    static Long customerId(String value) {
        if (value == null || value.isBlank() || value.length() > 19) {
            return null;
        }
        try {
            long id = Long.parseLong(value.trim());
            return id > 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** When the contact began (an ISO-8601 instant), or null if not given or not readable: the handle time then starts now. */
    static Instant started(String value) {
        if (value == null || value.isBlank() || value.length() > 40) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String first(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String trimToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }

    /** A councillor's office user (without a contact-centre or admin role) may open councillor inquiries only. */
    static boolean councilOfficeOnly(Authentication user) {
        boolean council = false;
        boolean other = false;
        for (GrantedAuthority authority : user.getAuthorities()) {
            String a = authority.getAuthority();
            if (a.equals("GROUP_" + Roles.COUNCIL_OFFICE)) {
                council = true;
            } else if (a.equals("GROUP_" + Roles.CONTACT_CENTRE) || a.equals("GROUP_" + Roles.KNOWLEDGE_EDITORS)
                    || a.equals("GROUP_" + Roles.ADMINS)) {
                other = true;
            }
        }
        return council && !other;
    }
}
