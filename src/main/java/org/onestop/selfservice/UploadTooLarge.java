package org.onestop.selfservice;

import jakarta.servlet.http.HttpServletResponse;
import org.onestop.city.CityProperties;
import org.onestop.web.PageTexts;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload larger than the multipart limits ({@code spring.servlet.multipart.*}, above the photo limit) never reaches
 * the report page: the resident gets a friendly page that says what to do instead of a bare error. (A photo between
 * the photo limit and these limits is refused on the report page itself, beside the field, keeping the answers.)
 * Applies to every controller: the multipart body is read before any handler is chosen.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadTooLarge {

    private final String cityName;
    private final DataSize photoLimit;

    private final PageTexts texts;

    UploadTooLarge(CityProperties city, PhotoProperties photos, PageTexts texts) {
        this.texts = texts;
        this.cityName = city.name();
        this.photoLimit = photos.maxSize();
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        model.addAttribute("cityName", cityName);
        model.addAttribute("title", texts.get("upload.title"));
        model.addAttribute("message", texts.get("upload.message", Photos.megabytes(photoLimit.toBytes())));
        return "public/problem";
    }
}
