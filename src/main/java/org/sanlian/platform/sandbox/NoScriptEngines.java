package org.sanlian.platform.sandbox;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;

/**
 * Scripts are switched off: no language resolves to a script engine, so a script that slipped past deployment
 * (or one in a deployment made before the sandbox) fails with Camunda's "Can't find scripting engine" instead of
 * running with Java access.
 */
final class NoScriptEngines implements ScriptEngineResolver {

    private final ScriptEngineManager empty = new ScriptEngineManager(null);

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
        // scripting is off: an engine offered by a plugin is not registered
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
        return empty;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
        return null;
    }
}
