package org.onestop.web;

import org.onestop.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Friendly pages for the errors of OneStop's own (non-API) pages, in the page's language; what the error itself says
 * (written in English by the code that raised it, e.g. "no case with reference 'SR-…'") is kept under it as detail.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    private final PageTexts texts;

    PageErrors(PageTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        return problem(model, "staff.error.notFound", e.getMessage());
    }

    /** Two changes to the same record at once: the second is refused and nothing of it saved (ApiErrors#conflict). */
    @ExceptionHandler({org.springframework.dao.OptimisticLockingFailureException.class,
            org.camunda.bpm.engine.OptimisticLockingException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(RuntimeException e, Model model) {
        return problem(model, "staff.error.conflict", null);
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(org.springframework.security.access.AccessDeniedException e, Model model) {
        return problem(model, "staff.error.forbidden", e.getMessage());
    }

    /** The problem page: a title and a sentence from {@code <key>.title} and {@code <key>.text}, and the error's detail. */
    private String problem(Model model, String key, String detail) {
        model.addAttribute("title", texts.get(key + ".title"));
        model.addAttribute("message", texts.get(key + ".text"));
        model.addAttribute("detail", detail);
        return "problem";
    }
}
