package org.sanlian.platform.sandbox;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.springframework.context.ApplicationContext;

/**
 * The run-time half of the sandbox, for what the deploy-time check cannot see (a deployment made before the
 * sandbox, a value computed at run time): on {@code execution} and {@code task} only the members
 * {@link ExpressionRules} allows resolve, and no expression reaches the engine, reflection or the Spring context.
 * It stands first in the resolver chain and only ever refuses; everything else falls through to Camunda's resolvers.
 */
final class SandboxElResolver extends ELResolver {

    /** Camunda's Spring expression manager with this resolver in front. */
    static ExpressionManager expressionManager(ApplicationContext context, Map<Object, Object> beans) {
        return new SpringExpressionManager(context, beans) {
            @Override
            protected ELResolver createElResolver() {
                CompositeELResolver resolver = new CompositeELResolver();
                resolver.add(new SandboxElResolver());
                resolver.add(super.createElResolver());
                return resolver;
            }
        };
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null) {
            String name = String.valueOf(property);
            if (isEngineObject(base) ? !ExpressionRules.CONTEXT_PROPERTIES.contains(name) : isReflection(base, name)) {
                throw refused(base, name);
            }
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null) {
            String name = String.valueOf(method);
            if (isEngineObject(base) ? !ExpressionRules.CONTEXT_METHODS.contains(name) : isReflection(base, name)) {
                throw refused(base, name + "()");
            }
        }
        return null;
    }

    private static boolean isEngineObject(Object base) {
        return base instanceof VariableScope || base instanceof ProcessEngineServicesAware;
    }

    private static boolean isReflection(Object base, String member) {
        return base instanceof ProcessEngineServices || base instanceof ProcessEngine || base instanceof Class
                || base instanceof ClassLoader || base instanceof ApplicationContext
                || member.equals("class") || member.equals("getClass");
    }

    private static PropertyNotFoundException refused(Object base, String member) {
        return new PropertyNotFoundException("模型沙箱不允许访问 (not allowed in the model sandbox): "
                + base.getClass().getSimpleName() + "." + member);
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (base != null && (isEngineObject(base) || isReflection(base, String.valueOf(property)))) {
            throw refused(base, String.valueOf(property));
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
