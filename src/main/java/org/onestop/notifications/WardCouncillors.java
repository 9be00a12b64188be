package org.onestop.notifications;

import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Each ward's councillor and the address their office reads ({@code onestop.wards.councillors}). */
@Validated
@ConfigurationProperties("onestop.wards")
public record WardCouncillors(Map<String, @Valid Councillor> councillors) {

    public record Councillor(@NotBlank String name, @NotBlank @Email String email) {
    }

    public WardCouncillors {
        councillors = councillors == null ? Map.of() : Map.copyOf(councillors);
    }

    public Optional<Councillor> forWard(String ward) {
        return ward == null ? Optional.empty() : Optional.ofNullable(councillors.get(ward));
    }
}
