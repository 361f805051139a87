/**
 * POSIX extended regular expressions as Nix's {@code builtins.match} and {@code builtins.split} understand
 * them, implemented on {@code java.util.regex}.
 *
 * <p><b>Upstream behaviour mirrored.</b> Nix compiles expressions with C++ {@code std::regex(re,
 * std::regex::extended)} (libstdc++, built with strict ANSI) and matches bytes of the UTF-8 string.
 * {@link org.modsvc.nix.regex.EreTranslator} follows libstdc++'s scanner and compiler, verified with
 * nix-instantiate 2.8:
 * <ul>
 *   <li>Outside brackets a backslash may only escape {@code . [ \ ( ) * + ? { | ^ $}; {@code \d}, {@code \n},
 *       {@code \]}, {@code \}}, {@code \/}, backreferences {@code \1} are <em>invalid</em>.</li>
 *   <li>Inside brackets a backslash is an ordinary character ({@code [\.]} matches {@code \} or {@code .});
 *       {@code ]} first is literal ({@code []a]}, {@code [^]a]}); {@code -} is literal first or last;
 *       a {@code -} after a completed range ({@code [a-c-e]}) or next to a class is invalid; reversed ranges
 *       are invalid. Classes {@code [:alnum:]} … {@code [:xdigit:]} plus {@code [:d:] [:w:] [:s:]}, names
 *       case-insensitive, ASCII only (C locale). Collating elements {@code [.hyphen.]} and equivalence
 *       classes {@code [=a=]} accept exactly libstdc++'s POSIX character names.</li>
 *   <li>{@code {} always starts an interval ({@code a{} and {@code {} alone are invalid; {@code }} and
 *       {@code ]} alone are literals); {@code {,n}} is invalid. Stacked quantifiers ({@code a**}, {@code a+?})
 *       are repetitions of repetitions, never Java's lazy/possessive forms. A quantifier after {@code ^},
 *       {@code $}, {@code (} or {@code |} is invalid.</li>
 *   <li>{@code .} and negated brackets match newlines; {@code $} matches only at the very end; all groups
 *       capture, numbered by their {@code (}.</li>
 *   <li>Expressions whose NFA would exceed libstdc++'s 100000 states (estimated) are rejected with Nix's
 *       {@code memory limit exceeded by regular expression} message, e.g. {@code a{99999}}.</li>
 *   <li>{@code match}/{@code split} work on the UTF-8 bytes (each byte as one ISO-8859-1 char), so
 *       {@code match "(.)" "é"} is {@code null} like in Nix; captures that cut a multi-byte character decode
 *       to U+FFFD (Nix would keep the raw bytes). {@code split} follows {@code std::regex_iterator} for empty
 *       matches.</li>
 * </ul>
 *
 * <p><b>Leftmost-longest vs leftmost-first.</b> POSIX asks for the leftmost-longest match; Java's engine is
 * leftmost-first (backtracking, greedy, left alternative first). libstdc++'s DFS executor is a hybrid:
 * for {@code regex_match} (whole string) the first successful path wins, which is exactly Java's
 * {@code matches()}: {@code match "(a|ab)(c|bcd)(d*)" "abcd"} gives {@code [ "a" "bcd" "" ]} in both, and
 * {@code match "(a*)*" "aa"} gives {@code [ "" ]} in both. For searching ({@code split}) libstdc++ explores
 * <em>all</em> alternatives of a {@code |} and keeps the longest, while quantifiers stay greedy-first:
 * {@code split "a|ab" "abc"} is {@code [ "" [ ] "c" ]} in Nix but {@code [ "" [ ] "bc" ]} here, and
 * {@code split "b*|a" "ab"} differs likewise; {@code split "a*(ab)?" "aab"} (no alternation) agrees.
 * This deviation only affects {@code split} with alternatives where an earlier one matches a prefix of
 * what a later one would; it is documented rather than emulated.
 *
 * <p><b>Invariants.</b> Compiled patterns are cached per expression in bounded concurrent maps (cleared when
 * full), so the API is thread-safe. Invalid expressions always raise
 * {@link org.modsvc.nix.regex.PosixRegexException} whose message is Nix's.
 */
package org.modsvc.nix.regex;
