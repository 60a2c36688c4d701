package dev.vigil.iot.registry;

import java.util.Optional;

/** Told after a module was written or deleted (also when its device was deleted). */
@FunctionalInterface
public interface ModuleChangeListener {
    /** @param after empty when the module was deleted */
    void moduleChanged(Module before, Optional<Module> after);
}
