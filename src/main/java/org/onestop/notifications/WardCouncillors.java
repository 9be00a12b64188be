package org.onestop.notifications;

import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Each ward's councillor and the address their office reads ({@code onestop.wards.councillors}). */
@ConfigurationProperties("onestop.wards")
public record WardCouncillors(Map<String, Councillor> councillors) {

    public record Councillor(String name, String email) {
    }

    public WardCouncillors {
        councillors = councillors == null ? Map.of() : Map.copyOf(councillors);
    }

    public Optional<Councillor> forWard(String ward) {
        return ward == null ? Optional.empty() : Optional.ofNullable(councillors.get(ward));
    }
}
