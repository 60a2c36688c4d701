package dev.vigil.soc.playbook.template;

import dev.vigil.soc.playbook.PlaybookException;

/** No built-in template of that name. */
public final class PlaybookTemplateNotFoundException extends PlaybookException {

    PlaybookTemplateNotFoundException(String name) {
        super("there is no playbook template '" + name + "'");
    }

    @Override
    public String code() {
        return "NotFound";
    }

    @Override
    public int status() {
        return 404;
    }
}
