package org.sanlian.platform.sandbox;

/**
 * One thing in a deployed model that the sandbox refuses.
 *
 * @param resource   the file of the deployment (e.g. {@code partyLookup.dmn})
 * @param element    the id of the nearest element that has one (task, flow, rule, input…)
 * @param expression the expression or construct refused, as written in the model
 * @param reason     why, in plain Chinese with the English rule
 */
record ModelViolation(String resource, String element, String expression, String reason) {

    @Override
    public String toString() {
        return resource + " 元素 " + element + ": " + expression + " — " + reason;
    }
}
