package org.onestop.selfservice;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Residents' photos on the report page ({@code onestop.photos.*}). Keep {@code spring.servlet.multipart.max-file-size}
 * above {@code max-size}, so that a photo that is too large reaches the report page, which says so beside the field.
 *
 * @param maxSize the largest photo accepted; larger ones are refused beside the photo field
 * @param maxPixels the largest picture (width × height) decoded; larger ones are refused before decoding
 *                  (decompression bombs)
 */
@Validated
@ConfigurationProperties("onestop.photos")
record PhotoProperties(@DefaultValue("10MB") @NotNull DataSize maxSize, @DefaultValue("40000000") @Positive long maxPixels) {

    @AssertTrue(message = "max-size must be more than 0 bytes")
    boolean isMaxSizePositive() {
        return maxSize == null || maxSize.toBytes() > 0;
    }
}
