package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.switcher.fs.ContentHash;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.LiveEntry;
import org.modsvc.switcher.fs.LiveHashes;
import org.modsvc.switcher.fs.NameLimits;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.store.BuildCache;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.store.StorePath;
import org.modsvc.switcher.unit.UnitName;

/**
 * The files-on-disk half of a switch (docs/decisions.md §4, §6). A full switch, as the executor
 * drives it:
 *
 * <pre>
 * try (SwitchLock lock = gs.lock()) {
 *   gs.resume(lock, force)      // finish an interrupted switch whose files are written (then its other phases);
 *                               // one whose files are not is superseded by prepare unless desired is its configuration
 *   Manifest next = gs.prepare(lock, desired, force);   // ownership check, generation N written, nothing live changed
 *   gs.beginSwitch(next, gs.generations().current().orElse(0), phases);  // Phase.STOP, FILES, RELOAD, …
 *   … stop phase …; gs.pending().markDone(Phase.STOP);
 *   gs.applyFiles(lock, next.generation(), force);     // live tree, then current -> N; marks "files" done
 *   … reload/restart/start …; gs.pending().clear();  gs.collectGarbage(lock, 10);
 * }
 * </pre>
 *
 * {@link #switchFiles} does the whole thing for a run without systemd ({@code build --root}).
 */
public final class GenerationSwitcher {

  public static final int DEFAULT_KEEP = 10;

  private final Layout layout;
  private final Clock clock;
  private final Checkpoint checkpoint;
  private final Generations generations;
  private final Store store;
  private final PendingJournal pending;
  private final LiveTreePlanner planner;
  private final LiveHashes hashes = new LiveHashes();

  public GenerationSwitcher(Layout layout, Clock clock, Checkpoint checkpoint) {
    this.layout = layout;
    this.clock = clock;
    this.checkpoint = checkpoint;
    this.generations = new Generations(layout);
    this.store = new Store(layout.storeDir(), layout.root());
    this.pending = new PendingJournal(layout, clock);
    this.planner = new LiveTreePlanner(layout, hashes);
  }

  public GenerationSwitcher(Layout layout) {
    this(layout, Clock.systemUTC(), Checkpoint.NONE);
  }

  public Layout layout() {
    return layout;
  }

  public Generations generations() {
    return generations;
  }

  public Store store() {
    return store;
  }

  public PendingJournal pending() {
    return pending;
  }

  public SwitchLock lock() throws IOException {
    return SwitchLock.acquire(layout.onDisk(layout.lockFile()));
  }

  /**
   * Checks the live tree against {@code desired} and writes it as a new generation, changing
   * nothing live. Returns the current manifest instead when {@code desired} is what it already
   * describes.
   *
   * @throws OwnershipException naming every file in the way; nothing was written
   */
  public Manifest prepare(SwitchLock lock, DesiredState desired, boolean force) throws IOException {
    return prepare(lock, desired, force, Repair.MISSING);
  }

  /**
   * As {@link #prepare(SwitchLock, DesiredState, boolean)}, with {@code repair} saying which
   * drifted owned files may be written back without --force. When {@code desired} is the current
   * configuration, the drifted files {@code repair} covers are checked as a switch would check them
   * (a conflict stops here); with {@link Repair#NONE} nothing is checked, since nothing will be
   * written.
   */
  public Manifest prepare(SwitchLock lock, DesiredState desired, boolean force, Repair repair)
      throws IOException {
    requireHeld(lock);
    Repair writing = repair == Repair.NONE ? Repair.MISSING : repair;
    generations.restoreCurrentLink();
    Manifest current = generations.currentManifest();
    Optional<PendingSwitch> unfinished = unfinishedFiles();
    Map<HostPath, byte[]> contents = new HashMap<>();
    SortedMap<HostPath, ManifestEntry> entries = new TreeMap<>();
    Set<StorePath> roots = new TreeSet<>();
    for (StorePath root : desired.storeRoots()) {
      if (!store.contains(root)) {
        throw new GenerationException("store entry " + store.hostPath(root) + " is missing");
      }
      roots.add(root);
    }
    for (DesiredFile f : desired.files().values()) {
      layout.managedDirOf(f.path());
      checkName(f.path());
      if (f instanceof DesiredFile.Regular r) {
        byte[] bytes = r.bytes();
        contents.put(r.path(), bytes);
        entries.put(
            r.path(), new ManifestEntry.File(r.mode(), ContentHash.sha256Hex(bytes), false));
        roots.addAll(store.referencesIn(new String(bytes, StandardCharsets.ISO_8859_1)));
      } else {
        DesiredFile.Symlink l = (DesiredFile.Symlink) f;
        entries.put(l.path(), new ManifestEntry.Link(l.target(), false));
        checkStoreTarget(l);
        roots.addAll(store.referencesIn(l.target()));
      }
    }
    Manifest proposed =
        new Manifest(
            generations.nextNumber(),
            clock.instant(),
            desired.metadata(),
            entries,
            new TreeSet<>(store.closure(roots)),
            new TreeSet<>());
    if (unfinished.isPresent()) {
      Manifest interrupted = generations.read(unfinished.get().generation());
      if (proposed.sameConfiguration(interrupted)) {
        return interrupted; // the interrupted switch is this configuration: the caller finishes it
      }
      // a newer configuration supersedes it: plan from every generation whose files may be on disk
      LiveTreePlanner.Plan plan =
          planner.plan(ownedBase(current, unfinished.get()), proposed, force, false, writing);
      generations.create(plan.target(), contents);
      checkpoint.reached("generation " + proposed.generation() + " created");
      return plan.target();
    }
    if (current.generation() > 0 && proposed.sameConfiguration(current)) {
      if (repair != Repair.NONE) {
        planner.plan(current, current, force, false, repair);
      }
      return current;
    }
    Optional<Manifest> orphan = orphanLike(current, proposed);
    if (orphan.isPresent()) {
      // a run killed between writing the generation and recording it as pending: adopt its
      // directory
      Manifest adopted = proposed.withNumber(orphan.get().generation(), orphan.get().created());
      LiveTreePlanner.Plan plan = planner.plan(current, adopted, force, false, writing);
      if (!plan.target().equals(orphan.get())) {
        generations.rewriteManifest(plan.target());
      }
      return plan.target();
    }
    LiveTreePlanner.Plan plan = planner.plan(current, proposed, force, false, writing);
    generations.create(plan.target(), contents);
    checkpoint.reached("generation " + proposed.generation() + " created");
    return plan.target();
  }

  /**
   * Before anything is written: a name the file system cannot hold would stop the switch half-way.
   */
  private static void checkName(HostPath path) {
    try {
      NameLimits.check(path);
    } catch (IllegalArgumentException e) {
      throw new GenerationException("cannot write " + path + ": " + e.getMessage());
    }
  }

  /**
   * The pending switch whose file phase is unfinished, if any: a newer configuration may supersede
   * it.
   */
  public Optional<PendingSwitch> unfinishedFiles() throws IOException {
    return pending.load().filter(p -> !p.isDone(Phase.FILES));
  }

  /**
   * What of ours the live tree may hold while {@code open} is unfinished (see {@link
   * LiveTreePlanner#ownedBase}).
   */
  private Manifest ownedBase(Manifest current, PendingSwitch open) throws IOException {
    return planner.ownedBase(current, readAll(open.unfinishedGenerations()));
  }

  /**
   * Records the switch to {@code next}: a new pending record, or, when {@code next} supersedes an
   * interrupted switch whose files were not all written, a record replacing that one (its files
   * stay ours through it).
   */
  public PendingSwitch beginSwitch(Manifest next, int previous, Map<Phase, List<UnitName>> phases)
      throws IOException {
    Optional<PendingSwitch> unfinished = unfinishedFiles();
    if (unfinished.isPresent() && unfinished.get().generation() != next.generation()) {
      return pending.supersede(unfinished.get(), next.generation(), phases);
    }
    return pending.begin(next.generation(), previous, phases);
  }

  /**
   * The newest generation, when it is newer than current, not pending and has exactly this
   * configuration.
   */
  private Optional<Manifest> orphanLike(Manifest current, Manifest proposed) throws IOException {
    List<Integer> all = generations.list();
    if (all.isEmpty()
        || all.get(all.size() - 1) <= current.generation()
        || pending.load().isPresent()) {
      return Optional.empty();
    }
    Manifest newest = generations.read(all.get(all.size() - 1));
    return newest.sameConfiguration(proposed) ? Optional.of(newest) : Optional.empty();
  }

  /**
   * A configData link into the store must name an entry that exists, or the service would read
   * nothing.
   */
  private void checkStoreTarget(DesiredFile.Symlink l) throws IOException {
    String prefix = store.dir().value() + "/";
    if (l.target().startsWith(prefix)) {
      String entry = l.target().substring(prefix.length()).split("/", 2)[0];
      if (!StorePath.looksLikeEntry(entry) || !store.contains(StorePath.parse(entry))) {
        throw new GenerationException(
            l.path() + " links to " + l.target() + ", which is not in the store");
      }
    }
  }

  /**
   * Makes the live tree match generation {@code n} and points {@code current} at it, last.
   * Idempotent: after a crash at any point, calling it again completes the job. Marks the pending
   * phase {@code files} done.
   */
  public ApplyReport applyFiles(SwitchLock lock, int generation, boolean force) throws IOException {
    return applyFiles(lock, generation, force, Repair.MISSING);
  }

  /**
   * As {@link #applyFiles(SwitchLock, int, boolean)}; {@code repair} says which drifted owned files
   * are written back without --force ({@link Repair#NONE} counts as {@link Repair#MISSING} here:
   * applying a generation writes every file it needs). Applying the current generation again is how
   * drift is repaired.
   */
  public ApplyReport applyFiles(SwitchLock lock, int generation, boolean force, Repair repair)
      throws IOException {
    requireHeld(lock);
    Manifest current = generations.currentManifest();
    Manifest target = generations.read(generation);
    Optional<PendingSwitch> open = pending.load().filter(p -> p.generation() == generation);
    Manifest base = current;
    if (open.isPresent() && !open.get().superseded().isEmpty()) {
      base = planner.ownedBase(current, readAll(open.get().superseded()));
    }
    LiveTreePlanner.Plan plan =
        planner.plan(base, target, force, true, repair == Repair.NONE ? Repair.MISSING : repair);
    if (!plan.target().equals(target)) {
      generations.rewriteManifest(plan.target());
      checkpoint.reached("manifest " + generation + " updated");
    }
    new LiveTreeApplier(layout, checkpoint)
        .apply(plan.ops(), path -> generations.content(generation, path));
    if (current.generation() != generation) {
      generations.setCurrent(generation);
      checkpoint.reached("current -> " + generation);
    }
    if (pending.load().filter(p -> p.generation() == generation).isPresent()) {
      pending.markDone(Phase.FILES);
      checkpoint.reached("files done");
    }
    return new ApplyReport(
        current.generation(),
        generation,
        GenerationDiff.between(current, plan.target()),
        plan.ops(),
        plan.notes());
  }

  /**
   * Finishes the file phase of an interrupted switch, if any, and returns the pending record so the
   * caller can run its remaining phases ({@link PendingSwitch#nextPhase()}) and then {@link
   * PendingJournal#clear()}.
   */
  public Optional<PendingSwitch> resume(SwitchLock lock, boolean force) throws IOException {
    return resume(lock, force, Repair.MISSING);
  }

  /**
   * As {@link #resume(SwitchLock, boolean)}, writing back the drifted files {@code repair} covers.
   */
  public Optional<PendingSwitch> resume(SwitchLock lock, boolean force, Repair repair)
      throws IOException {
    requireHeld(lock);
    Optional<PendingSwitch> open = pending.load();
    if (open.isPresent() && !open.get().isDone(Phase.FILES)) {
      applyFiles(lock, open.get().generation(), force, repair);
      open = pending.load();
    }
    return open;
  }

  /**
   * A whole switch of files only (no units to stop or start): {@code build --root}, and tests. An
   * interrupted switch whose files were not all written is finished when {@code desired} is its
   * configuration, and superseded otherwise.
   */
  public ApplyReport switchFiles(SwitchLock lock, DesiredState desired, boolean force)
      throws IOException {
    Optional<PendingSwitch> open = pending.load();
    if (open.isPresent() && open.get().isDone(Phase.FILES)) {
      pending.clear(); // no unit phases to finish here
    }
    int previous = generations.current().orElse(0);
    Manifest next = prepare(lock, desired, force);
    Optional<PendingSwitch> unfinished = unfinishedFiles();
    if (unfinished.isEmpty() || unfinished.get().generation() != next.generation()) {
      beginSwitch(next, previous, PendingSwitch.FILES_ONLY);
      checkpoint.reached("pending " + next.generation());
    }
    ApplyReport report = applyFiles(lock, next.generation(), force);
    pending.clear();
    checkpoint.reached("pending cleared");
    return report;
  }

  /**
   * Generation {@code n}'s files as a new generation ({@code rollbackOf = n}): a rollback is a
   * switch.
   */
  public DesiredState rollbackState(int generation) throws IOException {
    DesiredState old = generations.desiredStateOf(generation);
    Map<String, String> meta = new TreeMap<>(old.metadata());
    meta.put("rollbackOf", Integer.toString(generation));
    return new DesiredState(old.files(), old.storeRoots(), meta);
  }

  /**
   * Every path of {@code manifest} whose live state differs from its entry, in path order. Reads
   * only (one {@code lstat} and, for a regular file, one hash per entry), takes no lock: a switch
   * running meanwhile may show as drift, so a caller that acts on it does so through a switch,
   * under the lock.
   */
  public List<OwnedDrift> drift(Manifest manifest) throws IOException {
    List<OwnedDrift> out = new ArrayList<>();
    HostPath storeDir = layout.storeDir();
    ResolvedPaths disk = new ResolvedPaths(layout);
    for (Map.Entry<HostPath, ManifestEntry> e : manifest.entries().entrySet()) {
      LiveEntry live = hashes.inspect(disk.entry(e.getKey()));
      Optional<OwnedDrift.Kind> kind = OwnedDrift.classify(e.getValue(), live, storeDir);
      if (kind.isPresent()) {
        out.add(new OwnedDrift(e.getKey(), kind.get(), e.getValue(), live));
      }
    }
    return out;
  }

  /**
   * The bytes of the regular file at {@code path} now, read without following a link at its last
   * component; empty when it is not a regular file or larger than {@code limit} bytes (what a hand
   * edit left there, shown and compared but never trusted).
   */
  public Optional<byte[]> liveBytes(HostPath path, int limit) throws IOException {
    java.nio.file.Path disk = layout.onDisk(path);
    if (!java.nio.file.Files.isRegularFile(disk, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    // NOFOLLOW_LINKS: a link swapped in since the check fails to open (ELOOP) rather than being
    // read through
    try (java.nio.channels.SeekableByteChannel ch =
        java.nio.file.Files.newByteChannel(
            disk, java.nio.file.StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      if (ch.size() > limit) {
        return Optional.empty();
      }
      java.io.InputStream in = java.nio.channels.Channels.newInputStream(ch);
      byte[] bytes = in.readNBytes(limit + 1);
      return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
    } catch (java.nio.file.FileSystemException e) {
      return Optional.empty(); // gone, a link (ELOOP) or a directory: no content to show
    }
  }

  /**
   * The record of the last configuration whose units failed and was rolled back (docs/decisions.md
   * §12).
   */
  public FailedInputs failedInputs() {
    return new FailedInputs(layout, clock);
  }

  public GcReport collectGarbage(SwitchLock lock, int keep) throws IOException {
    requireHeld(lock);
    BuildCache buildCache = new BuildCache(layout.dirOnDisk(layout.buildCacheDir()));
    return new GarbageCollector(generations, store, pending, buildCache, clock).collect(keep);
  }

  private List<Manifest> readAll(List<Integer> numbers) throws IOException {
    List<Manifest> out = new ArrayList<>();
    for (int g : numbers) {
      out.add(generations.read(g));
    }
    return out;
  }

  private static void requireHeld(SwitchLock lock) {
    if (lock == null || !lock.isHeld()) {
      throw new IllegalStateException("the switch lock must be held");
    }
  }
}
