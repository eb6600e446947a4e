package org.sanlian.platform.rules;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Decision tables evaluate FEEL with {@link ParsedOnceFeelEngine}: each expression text parsed once (issue 16). */
@Component
class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(configuration.getDmnFeelCustomFunctionProviders() == null
                ? List.of() : configuration.getDmnFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
