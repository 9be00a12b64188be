package org.onestop.web;

import org.onestop.shared.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Friendly pages for the errors of OneStop's own (non-API) pages. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("title", "Not found");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }

    /** Two changes to the same record at once: the second is refused and nothing of it saved (ApiErrors#conflict). */
    @ExceptionHandler({org.springframework.dao.OptimisticLockingFailureException.class,
            org.camunda.bpm.engine.OptimisticLockingException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(RuntimeException e, Model model) {
        model.addAttribute("title", "Changed at the same moment");
        model.addAttribute("message", "Someone else (or the case's process) changed this at the same moment, so nothing "
                + "of yours was saved. Go back, reload the page and try again.");
        return "problem";
    }

    @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden(org.springframework.security.access.AccessDeniedException e, Model model) {
        model.addAttribute("title", "Not allowed");
        model.addAttribute("message", e.getMessage());
        return "problem";
    }
}
