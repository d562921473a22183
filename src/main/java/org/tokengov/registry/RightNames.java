package org.tokengov.registry;

import java.util.ArrayList;
import java.util.List;

/** API rights in words, as people read them: "export", "import", "mobile app". */
final class RightNames {

    private RightNames() {
    }

    static List<String> of(boolean export, boolean importData, boolean mobileApp) {
        List<String> names = new ArrayList<>();
        if (export) {
            names.add("export");
        }
        if (importData) {
            names.add("import");
        }
        if (mobileApp) {
            names.add("mobile app");
        }
        return names;
    }
}
