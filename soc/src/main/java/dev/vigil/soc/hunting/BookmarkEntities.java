package dev.vigil.soc.hunting;

import dev.vigil.soc.rule.EntityMapping;
import dev.vigil.soc.rule.FieldMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entities a bookmarked row names, found with its hunting query's entity mappings as an
 * alert's are: an entity per mapping whose columns have values in the row, in Sentinel's shape
 * ({@code {"Type":"host","HostName":"web-1"}}).
 */
public final class BookmarkEntities {
    private BookmarkEntities() {
    }

    public static List<Map<String, Object>> of(List<EntityMapping> mappings, Map<String, Object> row) {
        List<Map<String, Object>> entities = new ArrayList<>();
        for (EntityMapping mapping : mappings) {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put("Type", mapping.entityType().toLowerCase(Locale.ROOT));
            for (FieldMapping field : mapping.fieldMappings()) {
                Object value = row.get(field.columnName());
                if (value != null && !value.toString().isEmpty()) {
                    entity.put(field.identifier(), value);
                }
            }
            if (entity.size() > 1) {
                entities.add(entity);
            }
        }
        return entities;
    }
}
