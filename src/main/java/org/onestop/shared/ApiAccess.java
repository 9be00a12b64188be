package org.onestop.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call a staff API operation, written on the controller method that enforces it, so that the rule and the code
 * change together. The API's OpenAPI document ({@code /api/openapi}) shows it on the operation (its description and
 * {@code x-onestop-access}) and answers the operation with a 403 problem when {@link #forbidden()} says when;
 * {@code OpenApiContractTest} fails for an {@code /api} operation without it. The README's access matrix and
 * {@code access/CaseAccessPolicy} remain the rules themselves: this says which of them an operation applies.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ApiAccess {

    /** Who may call it at all (every caller is a logged-in staff member). */
    String who();

    /** What the access policy narrows for those who may: which records they see or change. Empty: nothing. */
    String narrowedBy() default "";

    /** When a caller who may reach the record is refused with 403. Empty: never (no 403 response). */
    String forbidden() default "";
}
