package org.onestop.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator ({@code onestop.admin.*}, usually {@code ONESTOP_ADMIN_USER} and
 * {@code ONESTOP_ADMIN_PASSWORD}): created, in {@code camunda-admin}, at a start where the user does not exist yet.
 * Outside the demo OneStop refuses to start while there is no administrator at all.
 *
 * @param username the administrator's user id; empty for none
 * @param password their password when the user is created: at least {@value #MIN_PASSWORD} characters (checked
 *                 then, since a password for a user who already exists is not used)
 */
@ConfigurationProperties("onestop.admin")
record AdminProperties(String username, String password) {

    static final int MIN_PASSWORD = 12;

    /** Without the password, so that no log or failure message shows it. */
    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=" + (password == null || password.isEmpty() ? "" : "***") + "]";
    }
}
