package org.modsvc.switcher.build;

/**
 * A configData entry: a stable {@code path} (absolute, before any {@code --root}) that links to
 * {@code source}, a store path or an absolute host path.
 */
public record ConfigDataLink(String service, String path, String source) {}
