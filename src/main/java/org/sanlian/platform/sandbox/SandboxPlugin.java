package org.sanlian.platform.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Analysts' models run in a sandbox (issue 11 ¶4).
 * <ul>
 *   <li>Expressions see only an allow-list of beans: Sanlian's own JavaDelegates, TaskListeners and
 *       ExecutionListeners, found at start (Camunda's {@code beans} setting). Every other Spring bean —
 *       {@code caseFiles}, the engine's services — is out of reach.</li>
 *   <li>On {@code execution} and {@code task} only a few members resolve at run time ({@link SandboxElResolver}).</li>
 *   <li>Scripts are off: no script engine resolves, script variables are not stored.</li>
 *   <li>Every new deployment is checked before the engine parses it ({@link ModelSandbox}); a model that
 *       reaches anything else is refused with {@link ModelRefusedException} naming file, element and expression.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SandboxPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxPlugin.class);
    private static final List<Class<?>> STEP_TYPES = List.of(JavaDelegate.class, TaskListener.class,
            ExecutionListener.class);

    private final ApplicationContext context;
    private volatile ExpressionRules rules;

    public SandboxPlugin(ApplicationContext context) {
        this.context = context;
    }

    /** The rules in force, once the engine is configured. */
    public ExpressionRules rules() {
        return rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Set<String> allowed = stepBeans();
        Set<String> others = new TreeSet<>(List.of(context.getBeanDefinitionNames()));
        if (context instanceof ConfigurableApplicationContext configurable) {
            others.addAll(List.of(configurable.getBeanFactory().getSingletonNames()));
        }
        others.removeAll(allowed);
        rules = new ExpressionRules(allowed, others);
        LOG.info("Model sandbox: expressions may use {} beans: {}", allowed.size(), allowed);

        Map<Object, Object> beans = new AllowListedBeans(context, allowed);
        configuration.setBeans(beans);
        // the Spring factory bean built its expression manager (with the whole context) before plugins run; this
        // plugin runs first, so functions other plugins add (Spin) go to the new one
        configuration.setExpressionManager(SandboxElResolver.expressionManager(context, beans));

        configuration.setScriptEngineResolver(new NoScriptEngines());
        configuration.setEnableScriptEngineCaching(false);
        configuration.setAutoStoreScriptVariables(false);
        configuration.setEnableScriptCompilation(false);
        configuration.setEnableScriptEngineLoadExternalResources(false);
        configuration.setEnableFetchScriptEngineFromProcessApplication(false);
        configuration.setConfigureScriptEngineHostAccess(false);

        List<Deployer> preDeployers = configuration.getCustomPreDeployers();
        if (preDeployers == null) {
            preDeployers = new ArrayList<>();
            configuration.setCustomPreDeployers(preDeployers);
        }
        preDeployers.add(new SandboxDeployer(new ModelSandbox(rules)));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<?> feelFunctions = configuration.getDmnFeelCustomFunctionProviders();
        if (feelFunctions != null && !feelFunctions.isEmpty()) {
            throw new IllegalStateException("FEEL custom functions would give DMN tables Java access: "
                    + feelFunctions);
        }
    }

    /** Sanlian's own step beans: what a model names in a delegate expression. */
    private Set<String> stepBeans() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : STEP_TYPES) {
            for (String name : context.getBeanNamesForType(type, true, false)) {
                Class<?> beanType = context.getType(name, false);
                if (beanType != null && ClassUtils.getUserClass(beanType).getName().startsWith("org.sanlian.")) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** Checks every resource of a new deployment; an existing one (engine restart) is loaded as it is. */
    static final class SandboxDeployer implements Deployer {

        private final ModelSandbox sandbox;

        SandboxDeployer(ModelSandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public void deploy(DeploymentEntity deployment) {
            if (!deployment.isNew()) {
                return;
            }
            List<ModelViolation> violations = new ArrayList<>();
            for (ResourceEntity resource : deployment.getResources().values()) {
                violations.addAll(sandbox.check(resource.getName(), resource.getBytes()));
            }
            if (!violations.isEmpty()) {
                throw new ModelRefusedException(violations);
            }
        }
    }
}
