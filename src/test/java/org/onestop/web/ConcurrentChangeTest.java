package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.ui.ExtendedModelMap;

/**
 * Two changes to the same case at the same moment: the record's version (ours, or the engine's) refuses the second,
 * which is the caller's to retry, so a 409 with a problem document (API) or a friendly page, never a 500.
 */
class ConcurrentChangeTest {

    @Test
    void theSecondOfTwoSimultaneousChangesIsAConflictNotAServerError() {
        ApiErrors api = new ApiErrors();
        for (RuntimeException refused : new RuntimeException[] {
                new ObjectOptimisticLockingFailureException("org.onestop.cases.ServiceRequest", 1L),
                new OptimisticLockingException("ENGINE-03005 Execution of 'UPDATE TaskEntity' failed")}) {
            var problem = api.conflict(refused);
            assertThat(problem.getStatus()).isEqualTo(409);
            assertThat(problem.getDetail()).contains("nothing was saved");
        }
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        PageErrors pages = new PageErrors(new PageTexts(messages));
        try {
            LocaleContextHolder.setLocale(Languages.ENGLISH);
            ExtendedModelMap model = new ExtendedModelMap();
            assertThat(pages.conflict(new ObjectOptimisticLockingFailureException("x", 1L), model)).isEqualTo("problem");
            assertThat(model.get("message").toString()).contains("nothing of yours was saved");
            LocaleContextHolder.setLocale(Languages.FRENCH);
            ExtendedModelMap french = new ExtendedModelMap();
            pages.conflict(new ObjectOptimisticLockingFailureException("x", 1L), french);
            assertThat(french.get("title")).isEqualTo("Modifié au même moment");
            assertThat(french.get("message").toString()).contains("rien de ce que vous avez fait n’a donc été enregistré");
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
