/**
 * The "Sentinel" half of Vigil: data connectors, analytics rules, the alert-to-incident engine,
 * incidents, automation rules, playbooks and workbooks. Depends on {@code workspace}, and on
 * {@code iot} through its alert feed and device-action API only.
 */
package dev.vigil.soc;
