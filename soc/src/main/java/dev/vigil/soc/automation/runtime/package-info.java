/** Automation at work: it follows the incidents' changes and runs the rules on each, exactly once. */
package dev.vigil.soc.automation.runtime;
