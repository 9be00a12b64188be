package org.onestop.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The city's name on every page (the residents' header and page titles use it). */
@ControllerAdvice
class CityName {

    private final String cityName;

    CityName(@Value("${onestop.city.name:OneStop}") String cityName) {
        this.cityName = cityName;
    }

    @ModelAttribute("cityName")
    String cityName() {
        return cityName;
    }
}
