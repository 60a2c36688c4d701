package dev.vigil.server.console.workbooks;

import java.util.Optional;

/**
 * An item's place on a workbook page, {@code wb-item-N} in document order (a group's items right
 * after it): filled with the item when it shows, empty and hidden when it does not, so that a
 * change that shows it again, or redraws it alone, has the element to replace.
 */
public record ItemSlot(String elementId, Optional<ItemView> view) {
    static ItemSlot at(int position, Optional<ItemView> view) {
        return new ItemSlot("wb-item-" + position, view);
    }
}
