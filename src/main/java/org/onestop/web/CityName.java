package org.onestop.web;

import org.onestop.city.CityProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The city's name on every page (the residents' header and page titles use it). */
@ControllerAdvice
class CityName {

    private final String cityName;

    CityName(CityProperties city) {
        this.cityName = city.name();
    }

    @ModelAttribute("cityName")
    String cityName() {
        return cityName;
    }
}
