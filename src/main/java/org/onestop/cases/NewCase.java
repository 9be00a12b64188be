package org.onestop.cases;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.onestop.customers.CustomerDetails;

/**
 * A request as taken at intake, by whatever door it came in.
 *
 * @param customerId an existing customer; or give {@code customer} to find or create one; or neither (anonymous)
 * @param answers the answers to the service's questions (its start form), by field key
 */
public record NewCase(
        @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String serviceCode,
        @NotNull(message = "is required") Channel channel,
        @Size(max = 4000, message = "must be at most 4000 characters") String description,
        Long customerId,
        @Valid CustomerDetails customer,
        @Size(max = 300, message = "must be at most 300 characters") String address,
        @DecimalMin(value = "-90", message = "must be between -90 and 90")
        @DecimalMax(value = "90", message = "must be between -90 and 90") Double latitude,
        @DecimalMin(value = "-180", message = "must be between -180 and 180")
        @DecimalMax(value = "180", message = "must be between -180 and 180") Double longitude,
        @Size(max = 64, message = "must be at most 64 characters") String ward,
        @Size(max = 60, message = "must have at most 60 answers") Map<String, Object> answers) {
}
