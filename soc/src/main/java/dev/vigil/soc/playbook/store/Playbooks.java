package dev.vigil.soc.playbook.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.soc.playbook.InvalidPlaybookException;
import dev.vigil.soc.playbook.Playbook;
import dev.vigil.soc.playbook.PlaybookNotFoundException;
import dev.vigil.soc.playbook.document.ParsedPlaybook;
import dev.vigil.soc.playbook.document.PlaybookDocument;
import dev.vigil.workspace.api.DocumentCollection;
import dev.vigil.workspace.api.LogStore;
import dev.vigil.workspace.api.StateStore;
import dev.vigil.workspace.api.WorkspaceNotFoundException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playbooks of every workspace. Each save is a new version, kept (a run names the version it
 * runs, and resumes with it); the latest versions are held in memory. Secret values are encrypted
 * with the {@link SecretBox} and only the run engine reads them back.
 */
public final class Playbooks {
    private static final String LATEST = "playbooks";
    private static final String VERSIONS = "playbookVersions";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(Playbooks.class);

    private final LogStore logStore;
    private final StateStore state;
    private final DocumentCollection<StoredPlaybook> latest;
    private final DocumentCollection<StoredPlaybook> versions;
    private final SecretBox secrets;
    private final Clock clock;
    private final Map<String, Playbook> byKey = new ConcurrentHashMap<>();
    private final Map<String, Playbook> versionCache = new ConcurrentHashMap<>();
    /** Each version's secrets as stored (encrypted), so that starting a run reads nothing from the store. */
    private final Map<String, Map<String, String>> sealedSecrets = new ConcurrentHashMap<>();

    private Playbooks(LogStore logStore, StateStore state, SecretBox secrets, Clock clock) {
        this.logStore = logStore;
        this.state = state;
        this.latest = state.collection(LATEST, StoredPlaybook.class);
        this.versions = state.collection(VERSIONS, StoredPlaybook.class);
        this.secrets = secrets;
        this.clock = clock;
    }

    public static Playbooks open(LogStore logStore, StateStore state, SecretBox secrets, Clock clock) {
        Playbooks playbooks = new Playbooks(logStore, state, secrets, clock);
        for (StoredPlaybook stored : playbooks.latest.list()) {
            if (!logStore.workspaces().contains(stored.workspaceId())) {
                continue;
            }
            try {
                playbooks.byKey.put(key(stored.workspaceId(), stored.name()), playbooks.playbook(stored));
            } catch (InvalidPlaybookException e) {
                // the workspace changed under it (a table or function gone): the server still starts; saving it again says what to fix
                LOG.error("playbook '{}' of workspace '{}' no longer compiles and is not loaded: {}", stored.name(), stored.workspaceId(),
                        e.getMessage());
            }
        }
        return playbooks;
    }

    /** The workspace's playbooks (latest versions), by name. */
    public List<Playbook> list(String workspaceId) {
        checkWorkspace(workspaceId);
        return byKey.values().stream().filter(p -> p.workspaceId().equals(workspaceId)).sorted(Comparator.comparing(Playbook::name)).toList();
    }

    public Playbook get(String workspaceId, String name) {
        checkWorkspace(workspaceId);
        return find(workspaceId, name).orElseThrow(() -> new PlaybookNotFoundException(workspaceId, name));
    }

    public Optional<Playbook> find(String workspaceId, String name) {
        return Optional.ofNullable(byKey.get(key(workspaceId, name)));
    }

    /** One version, also of a playbook deleted since. */
    public Playbook version(String workspaceId, String name, long version) {
        Playbook latestVersion = byKey.get(key(workspaceId, name));
        if (latestVersion != null && latestVersion.version() == version) {
            return latestVersion;
        }
        return versionCache.computeIfAbsent(versionKey(workspaceId, name, version), id -> versions.get(id).map(this::playbook)
                .orElseThrow(() -> new PlaybookNotFoundException(workspaceId, name, version)));
    }

    /**
     * Checks the document against the workspace and saves it as the playbook's next version.
     * Secrets given as null keep the value saved before.
     *
     * @param ifMatch when present, the playbook must be at this version (its etag), else a conflict
     */
    public SavedPlaybook save(String workspaceId, String name, com.fasterxml.jackson.databind.JsonNode document, Optional<String> ifMatch, String user) {
        return save(workspaceId, name, document, ifMatch, user, Optional.empty());
    }

    /**
     * Saves as {@link #save(String, String, com.fasterxml.jackson.databind.JsonNode, Optional, String)} does, recording
     * where a playbook that this save creates came from ({@link #source}); a save of an existing playbook keeps its source.
     *
     * @param source the content pack file that installs it ({@code pack/Playbooks/name.yaml})
     */
    public synchronized SavedPlaybook save(String workspaceId, String name, com.fasterxml.jackson.databind.JsonNode document,
            Optional<String> ifMatch, String user, Optional<String> source) {
        return save(workspaceId, name, document, ifMatch, user, source, Optional.empty());
    }

    /**
     * Saves an earlier version again as the playbook's next version, with that version's secrets:
     * what it did then, it does again. The versions between stay in the history.
     *
     * @param ifMatch when present, the playbook must be at this version (its etag), else a conflict
     */
    public synchronized SavedPlaybook restore(String workspaceId, String name, long version, Optional<String> ifMatch, String user) {
        checkWorkspace(workspaceId);
        StoredPlaybook old = versions.get(versionKey(workspaceId, name, version))
                .orElseThrow(() -> new PlaybookNotFoundException(workspaceId, name, version));
        try {
            return save(workspaceId, name, JSON.readTree(old.document()), ifMatch, user, Optional.ofNullable(old.source()),
                    Optional.of(old.secrets()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the stored playbook '" + name + "' of workspace '" + workspaceId + "' is not JSON", e);
        }
    }

    /** The playbook's saved versions, newest first, also of a playbook deleted since (its runs name them); empty for a name never saved. */
    public List<PlaybookVersion> history(String workspaceId, String name) {
        checkWorkspace(workspaceId);
        return storedVersions(workspaceId, name).stream().sorted(Comparator.comparingLong(StoredPlaybook::version).reversed())
                .map(stored -> new PlaybookVersion(stored.version(), stored.lastModifiedTimeUtc(), stored.lastModifiedBy())).toList();
    }

    /** @param keptSecrets the sealed secrets that secrets given without a value keep: a restored version's, else the latest's */
    private SavedPlaybook save(String workspaceId, String name, com.fasterxml.jackson.databind.JsonNode document, Optional<String> ifMatch,
            String user, Optional<String> source, Optional<Map<String, String>> keptSecrets) {
        checkWorkspace(workspaceId);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidPlaybookException("name", "a playbook name is 1 to 128 letters, digits, '-', '_' or '.', starting with a letter or digit;"
                    + " was '" + name + "'");
        }
        Optional<StoredPlaybook> existing = latest.get(key(workspaceId, name));
        if (ifMatch.isPresent() && !ifMatch.get().equals("*")) {
            String wanted = ifMatch.get().replace("\"", "").strip();
            if (existing.isEmpty() || !Long.toString(existing.get().version()).equals(wanted)) {
                throw new PlaybookVersionConflictException(name, wanted, existing.map(StoredPlaybook::version));
            }
        }
        ParsedPlaybook parsed = PlaybookDocument.read(document, workspaceId, logStore);
        Map<String, String> sealed = new LinkedHashMap<>();
        for (Map.Entry<String, Optional<String>> secret : parsed.secretValues().entrySet()) {
            String place = secretPlace(workspaceId, name, secret.getKey());
            if (secret.getValue().isPresent()) {
                sealed.put(secret.getKey(), secrets.encrypt(place, secret.getValue().get()));
            } else {
                String kept = keptSecrets.or(() -> existing.map(StoredPlaybook::secrets)).map(saved -> saved.get(secret.getKey()))
                        .orElseThrow(() -> new InvalidPlaybookException(
                        "secrets." + secret.getKey(), "has no saved value to keep; give the secret's value"));
                sealed.put(secret.getKey(), kept);
            }
        }
        long version = highestVersion(workspaceId, name) + 1;
        Instant now = clock.instant();
        StoredPlaybook stored = new StoredPlaybook(workspaceId, name, version, parsed.definition().document().toString(), sealed,
                existing.map(StoredPlaybook::createdTimeUtc).orElse(now), now, existing.map(StoredPlaybook::createdBy).orElse(user), user, false,
                existing.isPresent() ? existing.get().source() : source.orElse(null));
        state.transaction(() -> {
            versions.put(versionKey(workspaceId, name, version), stored);
            latest.put(key(workspaceId, name), stored);
        });
        sealedSecrets.put(versionKey(workspaceId, name, version), Map.copyOf(sealed));
        Playbook playbook = new Playbook(workspaceId, name, version, parsed.definition(), stored.createdTimeUtc(), now, stored.createdBy(), user);
        byKey.put(key(workspaceId, name), playbook);
        return new SavedPlaybook(playbook, existing.isEmpty());
    }

    /** The content pack file that created the playbook ({@code pack/Playbooks/name.yaml}); empty for one saved otherwise, or none of that name. */
    public Optional<String> source(String workspaceId, String name) {
        return latest.get(key(workspaceId, name)).map(StoredPlaybook::source);
    }

    /**
     * Records where a playbook that has no source came from, without a new version: for one a pack
     * installed before sources were recorded. A playbook that has a source keeps it.
     */
    public synchronized void recordSource(String workspaceId, String name, String source) {
        Optional<StoredPlaybook> stored = latest.get(key(workspaceId, name));
        if (stored.isEmpty() || stored.get().source() != null) {
            return;
        }
        StoredPlaybook s = stored.get();
        StoredPlaybook sourced = new StoredPlaybook(s.workspaceId(), s.name(), s.version(), s.document(), s.secrets(), s.createdTimeUtc(),
                s.lastModifiedTimeUtc(), s.createdBy(), s.lastModifiedBy(), s.deleted(), source);
        state.transaction(() -> {
            versions.put(versionKey(workspaceId, name, s.version()), sourced);
            latest.put(key(workspaceId, name), sourced);
        });
    }

    /** Deletes the playbook; its versions stay for the runs that name them. */
    public synchronized void delete(String workspaceId, String name) {
        get(workspaceId, name);
        latest.delete(key(workspaceId, name));
        byKey.remove(key(workspaceId, name));
    }

    /** The secrets of a version, decrypted: for the run engine only. */
    public Map<String, String> secrets(Playbook playbook) {
        Map<String, String> sealed = sealedSecrets.computeIfAbsent(versionKey(playbook.workspaceId(), playbook.name(), playbook.version()),
                id -> versions.get(id).map(StoredPlaybook::secrets)
                        .orElseThrow(() -> new PlaybookNotFoundException(playbook.workspaceId(), playbook.name(), playbook.version())));
        Map<String, String> values = new LinkedHashMap<>();
        sealed.forEach((name, value) -> values.put(name, secrets.decrypt(secretPlace(playbook.workspaceId(), playbook.name(), name), value)));
        return values;
    }

    private long highestVersion(String workspaceId, String name) {
        return storedVersions(workspaceId, name).stream().mapToLong(StoredPlaybook::version).max().orElse(0);
    }

    private List<StoredPlaybook> storedVersions(String workspaceId, String name) {
        String prefix = key(workspaceId, name) + "/";
        return versions.listAfter(prefix, Integer.MAX_VALUE).stream().takeWhile(stored -> versionKey(stored.workspaceId(), stored.name(),
                stored.version()).startsWith(prefix)).filter(stored -> stored.name().equals(name) && stored.workspaceId().equals(workspaceId))
                .toList();
    }

    private Playbook playbook(StoredPlaybook stored) {
        ParsedPlaybook parsed;
        try {
            parsed = PlaybookDocument.read(JSON.readTree(stored.document()), stored.workspaceId(), logStore);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the stored playbook '" + stored.name() + "' of workspace '" + stored.workspaceId() + "' is not JSON", e);
        }
        return new Playbook(stored.workspaceId(), stored.name(), stored.version(), parsed.definition(), stored.createdTimeUtc(),
                stored.lastModifiedTimeUtc(), stored.createdBy(), stored.lastModifiedBy());
    }

    private void checkWorkspace(String workspaceId) {
        if (!logStore.workspaces().contains(workspaceId)) {
            throw new WorkspaceNotFoundException("there is no workspace '" + workspaceId + "'");
        }
    }

    private static String secretPlace(String workspaceId, String name, String secret) {
        return workspaceId + "/" + name + "/" + secret;
    }

    private static String key(String workspaceId, String name) {
        return workspaceId + "/" + name;
    }

    private static String versionKey(String workspaceId, String name, long version) {
        return key(workspaceId, name) + "/" + String.format("%010d", version);
    }
}
