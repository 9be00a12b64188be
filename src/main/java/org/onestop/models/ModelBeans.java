package org.onestop.models;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;

/**
 * The Spring beans marked {@link ModelBean}, found from the bean definitions' metadata alone (no bean is created or
 * typed to find them, so this is safe while the process engine itself is being built), and every other bean name.
 */
final class ModelBeans {

    private final Set<String> names;
    private final Set<String> others;
    private final BeanFactory beanFactory;

    private ModelBeans(Set<String> names, Set<String> others, BeanFactory beanFactory) {
        this.names = Collections.unmodifiableSet(names);
        this.others = Collections.unmodifiableSet(others);
        this.beanFactory = beanFactory;
    }

    static ModelBeans of(ConfigurableListableBeanFactory beanFactory) {
        Set<String> names = new TreeSet<>();
        Set<String> others = new TreeSet<>(Arrays.asList(beanFactory.getSingletonNames()));
        for (String name : beanFactory.getBeanDefinitionNames()) {
            if (isModelBean(beanFactory.getBeanDefinition(name))) {
                names.add(name);
            } else {
                others.add(name);
                others.addAll(Arrays.asList(beanFactory.getAliases(name)));
            }
        }
        others.removeAll(names);
        return new ModelBeans(names, others, beanFactory);
    }

    private static boolean isModelBean(BeanDefinition definition) {
        if (definition instanceof AnnotatedBeanDefinition annotated) {
            MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
            // a @Bean method is marked on the method; its @Configuration class's own marks do not count
            return factoryMethod != null ? factoryMethod.isAnnotated(ModelBean.class.getName())
                    : annotated.getMetadata().isAnnotated(ModelBean.class.getName());
        }
        return false;
    }

    /** The model beans' names. */
    Set<String> names() {
        return names;
    }

    /** Every other bean name in the context. */
    Set<String> others() {
        return others;
    }

    ModelCheck check() {
        return new ModelCheck(names, others);
    }

    /**
     * The map the engine resolves bean names in: exactly the model beans, each looked up when an expression first
     * names it (the delegates need the case service, which needs the engine that is being built with this map).
     */
    Map<Object, Object> forEngine() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return names.contains(key);
            }

            @Override
            public Object get(Object key) {
                return names.contains(key) ? beanFactory.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return names.stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, beanFactory.getBean(name)))
                        .collect(Collectors.toUnmodifiableSet());
            }
        };
    }
}
