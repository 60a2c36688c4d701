package dev.vigil.bench;

/**
 * A query measured two ways: as KQL through Vigil, and as the best DuckDB SQL we could write
 * by hand for the same answer. {@code %s} in the SQL stands for the SecurityAlert relation.
 */
public enum BenchQuery {
    /** The foundation's reference query. */
    SUMMARIZE_BY_BIN(
            "SecurityAlert | where ProductName == \"Azure Security Center for IoT\""
                    + " | summarize count() by bin(TimeGenerated, 1h), AlertSeverity",
            "SELECT time_bucket(INTERVAL 1 HOUR, TimeGenerated) AS TimeGenerated, AlertSeverity, count(*) AS count_"
                    + " FROM %s WHERE ProductName = 'Azure Security Center for IoT' GROUP BY ALL"),
    FILTER(
            "SecurityAlert | where AlertSeverity == \"High\" and CompromisedEntity == \"device-42\""
                    + " | project TimeGenerated, AlertName, SystemAlertId",
            "SELECT TimeGenerated, AlertName, SystemAlertId FROM %s"
                    + " WHERE AlertSeverity = 'High' AND CompromisedEntity = 'device-42'"),
    DCOUNT(
            "SecurityAlert | summarize dcount(CompromisedEntity) by AlertSeverity",
            "SELECT AlertSeverity, count(DISTINCT CompromisedEntity) AS dcount_CompromisedEntity FROM %s GROUP BY ALL"),
    JOIN(
            "SecurityAlert | where AlertSeverity == \"High\" | summarize High = count() by CompromisedEntity"
                    + " | join (SecurityAlert | where AlertName == \"Crypto Coin Miner\" | summarize Miner = count() by CompromisedEntity)"
                    + " on CompromisedEntity",
            "SELECT h.CompromisedEntity, h.High, m.CompromisedEntity AS CompromisedEntity1, m.Miner"
                    + " FROM (SELECT CompromisedEntity, count(*) AS High FROM %1$s WHERE AlertSeverity = 'High' GROUP BY ALL) h"
                    + " JOIN (SELECT CompromisedEntity, count(*) AS Miner FROM %1$s WHERE AlertName = 'Crypto Coin Miner' GROUP BY ALL) m"
                    + " ON h.CompromisedEntity = m.CompromisedEntity"),
    MV_EXPAND(
            "SecurityAlert | mv-expand Key = bag_keys(parse_json(ExtendedProperties)) to typeof(string) | summarize count() by Key",
            // unnest in the select list: the LATERAL form (FROM t, unnest(...)) is 7x slower in DuckDB
            "SELECT k AS Key, count(*) AS count_ FROM (SELECT unnest(json_keys(ExtendedProperties)) AS k FROM %s) GROUP BY ALL"),
    PARSE(
            "SecurityAlert | parse ResourceId with * \"/IotHubs/\" Hub | summarize count() by Hub",
            "SELECT regexp_extract(ResourceId, '/IotHubs/(.*)$', 1) AS Hub, count(*) AS count_ FROM %s GROUP BY ALL"),
    ARG_MAX_STAR(
            "SecurityAlert | summarize arg_max(TimeGenerated, *) by CompromisedEntity",
            // the whole row as one struct: 5x faster than DISTINCT ON ... ORDER BY, 1.1x faster than QUALIFY row_number()
            "SELECT unnest(arg_max(alert, alert.TimeGenerated)) FROM (SELECT alert FROM %s alert) GROUP BY alert.CompromisedEntity");

    final String kql;
    private final String sqlTemplate;

    BenchQuery(String kql, String sqlTemplate) {
        this.kql = kql;
        this.sqlTemplate = sqlTemplate;
    }

    String handWrittenSql(String securityAlertRelation) {
        return String.format(sqlTemplate, securityAlertRelation);
    }
}
