package org.onestop.customers;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/** What a customer's recorded details must satisfy: the annotations' rules and the ones they cannot state. */
@Component
class CustomerRules {

    private final Validator validator;

    CustomerRules(Validator validator) {
        this.validator = validator;
    }

    /** Field → message; empty if the details are fine. */
    Map<String, String> errors(CustomerDetails details) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<CustomerDetails> v : validator.validate(details)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        String digits = PhoneNumbers.digits(details.phone());
        if (!errors.containsKey("phone") && blankToNull(details.phone()) != null
                && (digits == null || digits.length() < 7 || digits.length() > 15)) {
            errors.put("phone", "must have 7 to 15 digits, e.g. (905) 555-0101");
        }
        ContactPreference preferred = details.preferredChannel();
        if (preferred == ContactPreference.EMAIL && blankToNull(details.email()) == null) {
            errors.putIfAbsent("email", "is required when the customer prefers e-mail");
        } else if ((preferred == ContactPreference.PHONE || preferred == ContactPreference.SMS) && blankToNull(details.phone()) == null) {
            errors.putIfAbsent("phone", "is required when the customer prefers " + (preferred == ContactPreference.SMS ? "text messages" : "phone calls"));
        } else if (preferred == ContactPreference.MAIL && blankToNull(details.address()) == null) {
            errors.putIfAbsent("address", "is required when the customer prefers letters");
        }
        return errors;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
