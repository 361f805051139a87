package org.modsvc.switcher.options;

import java.util.List;

/**
 * One documented option.
 *
 * @param name the option path as shown to users ({@code system.services.<name>.process.argv})
 * @param loc the same path as components
 * @param type the description of its type ({@code list of string})
 * @param description Markdown text, or null when the option has none
 * @param defaultValue the rendered default ({@code defaultText} if given), or null when there is
 *     none
 * @param example the rendered example, or null
 * @param declarations the files declaring the option
 */
public record OptionDoc(
    String name,
    List<String> loc,
    String type,
    String description,
    Literal defaultValue,
    Literal example,
    List<String> declarations,
    boolean readOnly,
    boolean internal,
    boolean visible) {
  public OptionDoc {
    loc = List.copyOf(loc);
    declarations = List.copyOf(declarations);
  }

  /**
   * A value rendered for documentation, as nixpkgs' {@code lib.options.renderOptionValue} gives it.
   *
   * @param kind {@code literalExpression} (Nix source) or {@code literalMD} (Markdown)
   */
  public record Literal(String kind, String text) {}

  /** Shown by default: neither {@code internal} nor {@code visible = false}. */
  public boolean shown() {
    return visible && !internal;
  }

  /**
   * This option is {@code option} or lies below it ({@code system.services} selects its whole
   * subtree).
   */
  public boolean isAtOrBelow(String option) {
    return name.equals(option) || name.startsWith(option + ".");
  }
}
