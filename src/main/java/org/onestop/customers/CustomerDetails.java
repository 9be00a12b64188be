package org.onestop.customers;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Who is asking, as given at intake. An existing customer is found by e-mail or phone number. */
public record CustomerDetails(
        @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String name,
        @Size(max = 40, message = "must be at most 40 characters")
        @Pattern(regexp = "^[0-9+()\\-. ext]*$", message = "must be a phone number") String phone,
        @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters") String email,
        @Size(max = 300, message = "must be at most 300 characters") String address,
        ContactPreference preferredChannel,
        @Pattern(regexp = "en|fr", message = "must be en or fr") String language) {

    /** Details without a language (the customer's notices stay in the language already recorded, else English). */
    public CustomerDetails(String name, String phone, String email, String address, ContactPreference preferredChannel) {
        this(name, phone, email, address, preferredChannel, null);
    }
}
