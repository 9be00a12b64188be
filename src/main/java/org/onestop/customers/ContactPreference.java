package org.onestop.customers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a customer prefers to hear from the city. */
public enum ContactPreference {
    EMAIL, PHONE, SMS, MAIL, NONE;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    @JsonCreator
    public static ContactPreference fromCode(String code) {
        for (ContactPreference preference : values()) {
            if (preference.name().equalsIgnoreCase(code)) {
                return preference;
            }
        }
        throw new IllegalArgumentException("unknown contact preference '" + code + "'; use email, phone, sms, mail or none");
    }

    static ContactPreference defaultFor(String phone, String email) {
        if (email != null && !email.isBlank()) {
            return EMAIL;
        }
        return phone != null && !phone.isBlank() ? PHONE : NONE;
    }
}
