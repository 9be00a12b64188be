package org.onestop.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that deployed models may name in an expression ({@code ${assignCase}}, {@code ${bean.method(x)}}).
 * Put it on the {@code @Bean} method or on the {@code @Component} class. Only these beans are visible to the
 * engine's expression language, and the model check refuses every other bean name; see the README, "What models may call".
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ModelBean {
}
