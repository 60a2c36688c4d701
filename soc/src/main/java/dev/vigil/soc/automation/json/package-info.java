/** Automation rules in the JSON shape of Sentinel's {@code automationRules}, read with the JSON path of every error. */
package dev.vigil.soc.automation.json;
