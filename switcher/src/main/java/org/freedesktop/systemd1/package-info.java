/**
 * Java classes named exactly like systemd's D-Bus error names. dbus-java turns an error reply into
 * an exception by loading the class whose fully qualified name equals the error name; without these
 * classes every systemd error arrives as a bare {@code DBusExecutionException} and its name is
 * lost. Only the errors the switcher reacts to are declared; {@link
 * org.modsvc.switcher.systemd.SystemdErrors} turns them into readable messages.
 */
package org.freedesktop.systemd1;
