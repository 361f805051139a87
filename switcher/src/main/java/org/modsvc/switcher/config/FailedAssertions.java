package org.modsvc.switcher.config;

import java.util.List;
import org.modsvc.switcher.build.BuildException;

/**
 * Some assertion of the configuration failed: nothing may change (docs/decisions.md §2, exit 2).
 */
public final class FailedAssertions extends BuildException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> messages;

  public FailedAssertions(List<String> messages) {
    super(render(messages));
    this.messages = List.copyOf(messages);
  }

  public List<String> messages() {
    return messages;
  }

  private static String render(List<String> messages) {
    StringBuilder sb = new StringBuilder("Failed assertions:");
    for (String m : messages) sb.append("\n- ").append(m);
    return sb.toString();
  }
}
