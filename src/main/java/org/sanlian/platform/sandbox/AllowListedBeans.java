package org.sanlian.platform.sandbox;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.BeanFactory;

/**
 * The beans expressions may see, as the map Camunda's {@code beans} setting takes. Each bean is fetched from the
 * application context when an expression first names it, so building the engine does not create the delegates
 * (many of them need the engine's own services).
 */
final class AllowListedBeans extends AbstractMap<Object, Object> {

    private final BeanFactory beanFactory;
    private final Set<String> names;

    AllowListedBeans(BeanFactory beanFactory, Set<String> names) {
        this.beanFactory = beanFactory;
        this.names = Set.copyOf(names);
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && names.contains(name);
    }

    @Override
    public Object get(Object key) {
        return containsKey(key) ? beanFactory.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.stream()
                .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, get(name)))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Object put(Object key, Object value) {
        throw new UnsupportedOperationException("the beans allow-list is computed at start");
    }

    @Override
    public void putAll(Map<?, ?> m) {
        throw new UnsupportedOperationException("the beans allow-list is computed at start");
    }
}
