/**
 * Sentinel content brought into a workspace: analytic rules (Sentinel's rule YAML and the ARM JSON
 * of an exported rule) become {@code alertRules}, parsers (parser YAML) become stored functions.
 * Every file gets an answer of its own: imported, updated, unchanged, or refused with the reason.
 */
package dev.vigil.soc.content;
