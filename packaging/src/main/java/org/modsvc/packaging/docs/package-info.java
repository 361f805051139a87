/**
 * The agent's reference documentation generated from its command definitions: the man page {@code
 * modsvc-agent(8)} ({@link org.modsvc.packaging.docs.ManPage}, roff) and the bash completion
 * (picocli's own generator), written by {@link org.modsvc.packaging.docs.GenerateDocs} at build
 * time for the Debian package.
 *
 * <p>Invariant: nothing here repeats an option, a command or a path by hand. Options and commands
 * come from picocli's model of {@code modsvc-agent} ({@code Main.describe()}), the files from the
 * switcher's {@code Layout}; a new option is in the next package's man page and completion without
 * an edit here.
 */
package org.modsvc.packaging.docs;
