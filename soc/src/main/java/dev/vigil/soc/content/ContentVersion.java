package dev.vigil.soc.content;

import java.util.Optional;

/** Content versions as Sentinel writes them ({@code 1.0.2}, {@code 2.1}): compared part by part, numerically. */
final class ContentVersion {
    private ContentVersion() {
    }

    /** Negative if {@code a} is older than {@code b}, 0 if the same, positive if newer; missing parts count as 0. */
    static int compare(String a, String b) {
        String[] left = a.trim().split("\\.");
        String[] right = b.trim().split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? left[i] : "0";
            String r = i < right.length ? right[i] : "0";
            int order = l.matches("\\d{1,18}") && r.matches("\\d{1,18}") ? Long.compare(Long.parseLong(l), Long.parseLong(r)) : l.compareTo(r);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Whether a file's version and the installed one are both known, so that they decide whether to update. */
    static boolean comparable(Optional<String> file, Optional<String> installed) {
        return file.isPresent() && installed.isPresent();
    }

    /** Why a file of this version changes nothing over the installed one; empty if the file's is newer. */
    static Optional<String> notNewer(String file, String installed) {
        int order = compare(file, installed);
        if (order == 0) {
            return Optional.of("version " + installed + " is installed");
        }
        return order < 0 ? Optional.of("the installed version " + installed + " is newer than the file's " + file)
                : Optional.empty();
    }
}
