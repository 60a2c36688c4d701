/**
 * Automation rules, in the shape of Sentinel's {@code automationRules}: when an incident is
 * created or updated, the enabled rules of its workspace whose conditions hold act on it, in
 * {@code order}, each seeing the changes of the ones before. {@link dev.vigil.soc.automation.runtime.IncidentAutomation}
 * follows the incidents' changes as a durable consumer, so that each change is acted on exactly
 * once, also across a crash.
 */
package dev.vigil.soc.automation;
